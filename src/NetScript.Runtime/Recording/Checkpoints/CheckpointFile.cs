using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NetScript.Data;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Recording.Checkpoints;

/// <summary>One file holds everything needed to continue a run exactly: a JSON header, the
/// model's and the loss's parameters and buffers (Module.save format), the optimizer's state
/// (moments, step counts), the global RNG state (dropout, DropConnect) and the shuffle
/// generator's, the interrupted epoch's order and partial results, and the best epoch's
/// weights when early stopping may restore them, and the weight average with `ema=`/`swa=`. Each part is a checksummed section
/// (<see cref="CheckpointSections"/>); the file is written through <see cref="AtomicFile"/>,
/// so a crash or a full disk leaves the previous checkpoint intact.</summary>
internal static class CheckpointFile
{
    const string Magic = "NetScript checkpoint";
    const int Format = 2;
    const int Unframed = 1; // format 1: the same parts without framing or checksums

    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN accuracy of regression runs
    };

    const string HeaderSection = "the header", Weights = "the model's weights", LossSection = "the loss's parameters",
        OptimizerSection = "the optimizer's state", Generators = "the random generators' state",
        Interrupted = "the interrupted epoch's order and results", Best = "the best epoch's weights", Average = "the weight average";

    public static void Write(string path, CheckpointHeader header, CheckpointState state, EpochTensors? partial) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Format);
            CheckpointSections.Write(writer, w => w.Write(JsonSerializer.Serialize(header with { Format = Format }, Json)));
            CheckpointSections.Write(writer, w => state.Module.save(w));
            CheckpointSections.Write(writer, w => state.Loss.save(w));
            CheckpointSections.Write(writer, w => state.Optimizer.save_state_dict(w));
            CheckpointSections.Write(writer, w =>
            {
                using (var rng = get_rng_state()) rng.Save(w);
                using (var shuffle = state.Shuffle.get_state()) shuffle.Save(w);
            });
            if (header.InEpoch)
                CheckpointSections.Write(writer, w =>
                {
                    partial!.Order.Save(w);
                    partial.Losses.Save(w);
                    partial.Correct.Save(w);
                });
            if (header.HasBestWeights)
                CheckpointSections.Write(writer, w =>
                {
                    state.BestModel!.Write(w);
                    state.BestLoss!.Write(w);
                });
            if (header.Averaging is not null) CheckpointSections.Write(writer, w => state.Average!.Write(w));
            stream.Flush();
        });

    public static CheckpointHeader ReadHeader(BinaryReader reader)
    {
        string magic;
        int format;
        try
        {
            magic = reader.ReadString();
            format = reader.ReadInt32();
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException)
        {
            throw new CheckpointException("it is not a NetScript checkpoint");
        }
        if (magic != Magic) throw new CheckpointException("it is not a NetScript checkpoint");
        if (format is not (Format or Unframed)) throw new CheckpointException($"it has format {format}; this NetScript reads formats {Unframed} and {Format}");
        CheckpointHeader? header = Section(reader, format, HeaderSection,
            r => JsonSerializer.Deserialize<CheckpointHeader>(format == Unframed ? Format1Header(r.ReadString()) : r.ReadString(), Json));
        return (header ?? throw new CheckpointException("its header is empty")) with { Format = format };
    }

    /// <summary>Loads the tensors into <paramref name="state"/>'s modules, optimizer and
    /// generator, in the order written; returns the interrupted epoch's tensors (mid-epoch
    /// checkpoints) and the best epoch's weights (when saved).</summary>
    public static CheckpointRestored ReadState(BinaryReader reader, CheckpointHeader header, CheckpointState state)
    {
        int format = header.Format;
        Load(reader, format, Weights, r => state.Module.load(r));
        Load(reader, format, LossSection, r => state.Loss.load(r));
        Load(reader, format, OptimizerSection, r => state.Optimizer.load_state_dict(r));
        Load(reader, format, Generators, r =>
        {
            using (var rng = TorchSharp.TensorExtensionMethods.Load(r)) set_rng_state(rng);
            using (var shuffle = TorchSharp.TensorExtensionMethods.Load(r)) state.Shuffle.set_state(shuffle);
        });
        EpochTensors? partial = header.InEpoch
            ? Section(reader, format, Interrupted, r => new EpochTensors(TorchSharp.TensorExtensionMethods.Load(r),
                TorchSharp.TensorExtensionMethods.Load(r), TorchSharp.TensorExtensionMethods.Load(r)))
            : null;
        (WeightSnapshot? model, WeightSnapshot? loss) = header.HasBestWeights
            ? Section(reader, format, Best, r => (WeightSnapshot.Read(r), WeightSnapshot.Read(r)))
            : (null, null);
        if (header.Averaging is not null) Load(reader, format, Average, r => state.Average!.Read(r));
        if (reader.BaseStream.Position != reader.BaseStream.Length)
            throw new CheckpointException("it holds more than its header describes (it is damaged)");
        return new CheckpointRestored(partial, model, loss);
    }

    /// <summary>The model's weights only, by state-dict name (what `transfer … from "best.ckpt"`
    /// needs): the section <see cref="Write"/> fills with Module.save — an entry count, then each
    /// entry's name and tensor.</summary>
    public static Dictionary<string, Tensor> ReadWeights(BinaryReader reader, CheckpointHeader header) =>
        Section(reader, header.Format, Weights, r =>
        {
            long count = r.Read7BitEncodedInt64(); // Module.save writes the entry count in 7-bit groups, low group first (LEB128)
            var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            try
            {
                for (long i = 0; i < count; i++)
                {
                    string name = r.ReadString();
                    tensors[name] = TorchSharp.TensorExtensionMethods.Load(r);
                }
                return tensors;
            }
            catch
            {
                foreach (var t in tensors.Values) t.Dispose();
                throw;
            }
        });

    /// <summary>Format 1 listed preprocessing as [{Kind, State: {name: values}}]; today's
    /// header holds the session's <see cref="PreprocessingState"/>. Kinds and values are what
    /// resuming compares, so the old entries become transforms with flat tensors.</summary>
    static string Format1Header(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject header || header["Preprocessing"] is not JsonArray old) return json;
        var transforms = new JsonArray();
        foreach (JsonNode? step in old)
        {
            var tensors = new JsonObject();
            foreach (var (name, values) in step?["State"]?.AsObject() ?? [])
                tensors[name] = new JsonObject { ["Shape"] = new JsonArray(values?.AsArray().Count ?? 0), ["Values"] = values?.DeepClone() };
            transforms.Add(new JsonObject { ["Kind"] = step?["Kind"]?.DeepClone(), ["Parameters"] = new JsonObject(), ["Tensors"] = tensors });
        }
        header["Preprocessing"] = new JsonObject { ["Transforms"] = transforms };
        return header.ToJsonString();
    }

    static T Section<T>(BinaryReader reader, int format, string section, Func<BinaryReader, T> read) =>
        format == Unframed ? CheckpointSections.Parse(reader, section, read) : CheckpointSections.Read(reader, section, read);

    static void Load(BinaryReader reader, int format, string section, Action<BinaryReader> load) =>
        Section(reader, format, section, r =>
        {
            load(r);
            return true;
        });

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> atomically (best.ckpt).</summary>
    public static void Copy(string from, string to) =>
        AtomicFile.Write(to, stream =>
        {
            using var source = File.OpenRead(from);
            source.CopyTo(stream);
        });
}
