namespace NetScript.Language.Diagnostics;

/// <summary>"Did you mean …?" — the closest candidate by edit distance, if close enough.</summary>
public static class Suggestions
{
    /// <summary>Names users of Keras and PyTorch reach for, and NetScript's word for each; suggested
    /// whenever that word is a candidate, however far apart the spellings are.</summary>
    static readonly Dictionary<string, string> s_familiar = new(StringComparer.OrdinalIgnoreCase)
    {
        ["learning_rate"] = "lr",
        ["batch_size"] = "batch",
        ["validation_data"] = "validate",
        ["nb_epoch"] = "epochs",
        ["num_epochs"] = "epochs",
        ["max_epochs"] = "epochs",
        ["callbacks"] = "early_stop",
        ["EarlyStopping"] = "early_stop",
        ["gradient_clip_val"] = "clip_value",
        ["clipnorm"] = "clip_norm",
        ["clipvalue"] = "clip_value",
        ["accumulate_grad_batches"] = "accumulate",
        ["use_bias"] = "bias",
        ["kernel_size"] = "kernel",
        ["strides"] = "stride",
        ["padding"] = "pad",
        ["filters"] = "channels",
        ["out_channels"] = "channels",
        ["out_features"] = "units",
        ["rate"] = "p",
    };

    /// <summary>Familiar names of settings that live in another statement, and where.</summary>
    static readonly Dictionary<string, string> s_elsewhere = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lr"] = "the learning rate is set by the `optimizer` statement: `optimizer adam lr=1e-3`",
        ["learning_rate"] = "the learning rate is set by the `optimizer` statement: `optimizer adam lr=1e-3`",
        ["optimizer"] = "the optimizer is its own statement before `train`: `optimizer sgd lr=0.1`",
        ["weight_decay"] = "weight decay is set by `regularize MODEL { weight_decay 1e-4 }` or the optimizer's `weight_decay=`",
    };

    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToList();
        if (s_familiar.TryGetValue(word, out string? familiar) && list.Contains(familiar)) return familiar;
        // One edit per three characters (at least one) keeps suggestions plausible.
        int allowed = Math.Max(1, word.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in list)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed) continue; // too far apart; also bounds the work on a huge word
            int distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" did you mean `x`?" or "" — appended to messages.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        if (Closest(word, list) is { } hit) return $"; did you mean `{hit}`?";
        return s_elsewhere.TryGetValue(word, out string? where) ? "; " + where : "";
    }

    // Optimal string alignment distance (Levenshtein plus adjacent transposition).
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
