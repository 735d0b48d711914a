using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetScript.Runtime.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Checkpoints;

/// <summary>One file holds everything needed to continue a run exactly: a JSON header, the
/// model's and the loss's parameters and buffers (Module.save format), the optimizer's state
/// (moments, step counts), the global RNG state (dropout, DropConnect) and the shuffle
/// generator's, the interrupted epoch's order and partial results, and the best epoch's
/// weights when early stopping may restore them. Written to a temp file and renamed, so a
/// crash leaves the previous checkpoint intact.</summary>
internal static class CheckpointFile
{
    const string Magic = "NetScript checkpoint";
    const int Format = 1;

    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN accuracy of regression runs
    };

    public static void Write(string path, CheckpointHeader header, TrainingSession run, EpochTensors? partial)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Format);
            writer.Write(JsonSerializer.Serialize(header with { Format = Format }, Json));
            run.Module.save(writer);
            run.Loss.save(writer);
            run.Optimizer.save_state_dict(writer);
            using (var rng = get_rng_state()) rng.Save(writer);
            using (var shuffle = run.Shuffle.get_state()) shuffle.Save(writer);
            if (header.InEpoch)
            {
                partial!.Order.Save(writer);
                partial.Losses.Save(writer);
                partial.Correct.Save(writer);
            }
            if (header.HasBestWeights)
            {
                run.BestModel!.Write(writer);
                run.BestLoss!.Write(writer);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    public static CheckpointHeader ReadHeader(BinaryReader reader)
    {
        if (reader.ReadString() != Magic) throw new CheckpointException("it is not a NetScript checkpoint");
        int format = reader.ReadInt32();
        if (format != Format) throw new CheckpointException($"it has format {format}; this NetScript reads format {Format}");
        return JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadString(), Json)
            ?? throw new CheckpointException("its header is empty");
    }

    /// <summary>Loads the tensors into the run's modules and optimizer, in the order written;
    /// returns the interrupted epoch's tensors when the checkpoint is mid-epoch.</summary>
    public static EpochTensors? ReadState(BinaryReader reader, CheckpointHeader header, TrainingSession run)
    {
        Load(() => run.Module.load(reader), "the model's weights");
        Load(() => run.Loss.load(reader), "the loss's parameters");
        Load(() => run.Optimizer.load_state_dict(reader), "the optimizer's state");
        using (var rng = TorchSharp.TensorExtensionMethods.Load(reader)) set_rng_state(rng);
        using (var shuffle = TorchSharp.TensorExtensionMethods.Load(reader)) run.Shuffle.set_state(shuffle);
        EpochTensors? partial = null;
        if (header.InEpoch)
            partial = new EpochTensors(TorchSharp.TensorExtensionMethods.Load(reader), TorchSharp.TensorExtensionMethods.Load(reader),
                TorchSharp.TensorExtensionMethods.Load(reader));
        if (header.HasBestWeights)
            run.KeepBest(WeightSnapshot.Read(reader), WeightSnapshot.Read(reader));
        return partial;
    }

    static void Load(Action load, string what)
    {
        try
        {
            load();
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException)
        {
            throw new CheckpointException($"{what} do not fit: {e.Message}");
        }
    }
}
