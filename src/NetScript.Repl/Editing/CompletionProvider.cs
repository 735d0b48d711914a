using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using NetScript.Repl.Commands;
using NetScript.Repl.Syntax;

namespace NetScript.Repl.Editing;

/// <summary>Tab completion from the language itself: statement keywords at the start of a
/// statement, REPL commands after `:`, file names after `:load` and `:save`, argument names
/// (as `name=`) of the statement and of every operation named in it (from the schema),
/// choices after `name=`, and the session's datasets, models and defined losses, metrics and
/// layers — each only where it can stand: a model right after `train`, a dataset after `on`,
/// a defined layer in a model block, a defined loss after `loss=`, defined metrics in
/// `metrics=[…]`. Inside a `{ }` block only the block's own items and their arguments fit:
/// no data, models or `as`/`into`/`on`, and after `->` a new layer starts.</summary>
public sealed class CompletionProvider(string workingDirectory)
{
    readonly FileNameCompletion _files = new(workingDirectory);

    public CompletionProvider() : this(Environment.CurrentDirectory)
    {
    }

    public Completion Complete(string text, int caret, SessionSymbols symbols)
    {
        caret = Math.Clamp(caret, 0, text.Length);
        if (_files.Complete(text, caret) is { } file) return file;
        int start = caret;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        string prefix = text[start..caret];
        int segmentStart = SegmentStart(text, start);
        string? block = BlockAt(text, start);
        string before = text[segmentStart..start];
        // `dense 3 -> relu`: the activation is a layer of its own, with its own arguments.
        int arrow = block is "model" or "residual" or "repeat" ? before.LastIndexOf("->", StringComparison.Ordinal) : -1;
        if (arrow >= 0) before = before[(arrow + 2)..];

        IEnumerable<string> candidates;
        if (start > 0 && text[start - 1] == ':' && string.IsNullOrWhiteSpace(text[segmentStart..(start - 1)]))
            candidates = ReplCommands.Names;
        else if (string.IsNullOrWhiteSpace(before))
            candidates = block is null ? Vocabulary.Statements : BlockItems(block, symbols, itemStart: arrow < 0);
        else if (ArgumentBeingValued(before) is { } argument)
            candidates = Values(argument, before, symbols, insideBlock: block is not null);
        else if (block is null && SymbolSlot(before, symbols) is { } slot)
            candidates = slot;
        else
            candidates = Arguments(before).Concat(block is null ? StatementWords(before, symbols) : BlockWords(before));

        var sorted = candidates.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new Completion(start, prefix, sorted);
    }

    /// <summary>Argument names (with `=`; a flag bare) of the statement and the operations it names.</summary>
    static IEnumerable<string> Arguments(string statement) =>
        Specs(statement).SelectMany(s => s.Parameters).Where(p => !p.Positional)
            .Select(p => p.Type == ParameterType.Flag ? p.Name : p.Name + "=");

    /// <summary>Outside blocks: the session's names, contextual keywords, and the operations
    /// that fit after the statement's keyword (an optimizer after `optimizer`, a schedule after
    /// `schedule`, a catalog entry after `load`).</summary>
    static IEnumerable<string> StatementWords(string statement, SessionSymbols symbols)
    {
        IEnumerable<string> operations = FirstWord(statement) switch
        {
            "optimizer" => SchemaCatalog.Names(OperationCategory.Optimizer),
            "schedule" => SchemaCatalog.Names(OperationCategory.Schedule),
            "load" => SchemaCatalog.Names(OperationCategory.Dataset),
            _ => [],
        };
        return symbols.Datasets.Keys.Concat(symbols.Folds.Keys).Concat(symbols.Models.Keys)
            .Concat(operations).Concat(Vocabulary.ContextualKeywords);
    }

    /// <summary>Inside a block, after an item's first word: only `init`'s schemes add to its arguments.</summary>
    static IEnumerable<string> BlockWords(string item) =>
        FirstWord(item) == "init" ? SchemaCatalog.Names(OperationCategory.Init) : [];

    /// <summary>What can start an item of <paramref name="block"/>: layers (and `init`, unless
    /// right after `->`) in a model block, steps in `preprocess { }`, `regularize m { }` or
    /// `augment { }`; nothing elsewhere (a search block names variables).</summary>
    static IEnumerable<string> BlockItems(string block, SessionSymbols symbols, bool itemStart)
    {
        IEnumerable<string> Of(OperationCategory category) => SchemaCatalog.Names(category);
        return block switch
        {
            "model" or "residual" or "repeat" => Of(OperationCategory.Layer).Concat(Defined(symbols, "layer")).Concat(itemStart ? ["init"] : []),
            "preprocess" => Of(OperationCategory.Preprocessing),
            "augment" => Of(OperationCategory.Augmentation),
            "regularize" => Of(OperationCategory.Regularizer),
            _ => [],
        };
    }

    /// <summary>The only names that fit right after a statement's keyword or after `on`: the
    /// model of `train m`, `evaluate m`, `regularize m`, `export m`, `ensemble m`, `transfer m`;
    /// the data of `on d`, `split d`, `kfold d`. Null elsewhere.</summary>
    static IEnumerable<string>? SymbolSlot(string statement, SessionSymbols symbols)
    {
        if (!statement.EndsWith(' ') && !statement.EndsWith('\t')) return null;
        string[] words = statement.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        if (words[^1] == "on") return symbols.Datasets.Keys;
        if (words.Length != 1) return null;
        return words[0] switch
        {
            "train" or "evaluate" or "regularize" or "export" or "ensemble" or "transfer" => symbols.Models.Keys,
            "split" or "kfold" => symbols.Datasets.Keys,
            _ => null,
        };
    }

    static IEnumerable<string> Defined(SessionSymbols symbols, string noun) =>
        symbols.Definitions.Values.Where(d => d.Noun == noun).Select(d => d.Name);

    static string? FirstWord(string text) =>
        text.Split([' ', '\t', '\n', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    /// <summary>The first word of the header of the innermost `{ }` block open at <paramref name="at"/>
    /// (`model`, `residual`, `preprocess`, …); null outside blocks.</summary>
    static string? BlockAt(string text, int at)
    {
        int open = InnermostOpenBrace(text, at);
        if (open < 0) return null;
        int head = open;
        while (head > 0 && text[head - 1] is not ('\n' or ';' or '{')) head--;
        return FirstWord(text[head..open]);
    }

    static int InnermostOpenBrace(string text, int at)
    {
        var open = new Stack<int>();
        for (int i = 0; i < at; i++)
        {
            if (text[i] == '{') open.Push(i);
            else if (text[i] == '}' && open.Count > 0) open.Pop();
        }
        return open.Count > 0 ? open.Peek() : -1;
    }

    /// <summary>Completions for the value of `name=`: its choices, or (in a statement) the session's names.</summary>
    static IEnumerable<string> Values(string argument, string statement, SessionSymbols symbols, bool insideBlock)
    {
        if (argument == "metrics") return Defined(symbols, "metric");
        var parameter = Specs(statement).Select(s => s.Find(argument)).FirstOrDefault(p => p is not null);
        return parameter?.Type switch
        {
            ParameterType.Choice => parameter.Choices,
            ParameterType.Operation when parameter.Category == OperationCategory.Loss => SchemaCatalog.Names(OperationCategory.Loss).Concat(Defined(symbols, "loss")),
            ParameterType.Operation => SchemaCatalog.Names(parameter.Category!.Value),
            ParameterType.Flag => ["true", "false"],
            ParameterType.Dataset => symbols.Datasets.Keys,
            _ when insideBlock => [],
            _ => symbols.Datasets.Keys.Concat(symbols.Models.Keys),
        };
    }

    /// <summary>Schema entries of every word or string the statement names.</summary>
    static IEnumerable<OperationSpec> Specs(string statement)
    {
        foreach (string word in statement.Split([' ', '\t', '"', '{', '}', '(', ')', '[', ']', ',', '\n', '-', '>'], StringSplitOptions.RemoveEmptyEntries))
        {
            string name = word.Split('=')[0];
            if (Vocabulary.Find(name) is { } spec) yield return spec;
        }
    }

    /// <summary>The argument whose value the caret is in: right after `name=`, or inside the
    /// list of `name=[a, ` (so `metrics=[` offers metrics).</summary>
    static string? ArgumentBeingValued(string before)
    {
        int list = before.LastIndexOf('[');
        if (list > 0 && before.IndexOf(']', list) < 0 && before[list - 1] == '=')
            return ArgumentBeingValued(before[..list]);
        string trimmed = before.TrimEnd();
        if (trimmed.Length == before.Length && trimmed.EndsWith('='))
        {
            int end = trimmed.Length - 1;
            int start = end;
            while (start > 0 && (char.IsLetterOrDigit(trimmed[start - 1]) || trimmed[start - 1] == '_')) start--;
            return start < end ? trimmed[start..end] : null;
        }
        return null;
    }

    /// <summary>Where the statement (or block item) holding <paramref name="at"/> begins.</summary>
    static int SegmentStart(string text, int at)
    {
        int i = at;
        while (i > 0 && text[i - 1] is not ('\n' or ';' or '{' or '}')) i--;
        return i;
    }
}
