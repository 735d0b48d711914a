using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>Where a dataset's rows come from: the loaded dataset, then each split part taken
/// from it, each named with the line that defined it (`d` loaded at line 1, `val` split from it
/// at line 2). Two datasets share rows when one lineage starts with the other: a split part
/// shares rows with what it was split from, but not with its sibling parts. Separately
/// loaded files are taken to hold different rows.</summary>
public sealed record DatasetLineage(ImmutableArray<LineageLink> Links)
{
    public static DatasetLineage Loaded(string name, string definedAt) => new([new LineageLink(name, definedAt)]);

    public DatasetLineage Part(string name, string definedAt) => new(Links.Add(new LineageLink(name, definedAt)));

    public bool SharesRowsWith(DatasetLineage other)
    {
        int common = Math.Min(Links.Length, other.Links.Length);
        for (int i = 0; i < common; i++)
            if (Links[i] != other.Links[i]) return false;
        return true;
    }

    /// <summary>Whether every row of <paramref name="other"/> is a row of this dataset.</summary>
    public bool Contains(DatasetLineage other) => Links.Length <= other.Links.Length && SharesRowsWith(other);

    /// <summary>"`val` (split at line 2 from `d`, loaded at line 1)".</summary>
    public string Describe()
    {
        LineageLink last = Links[^1];
        if (Links.Length == 1) return $"`{last.Name}` (loaded at line {last.DefinedAt})";
        var from = Links.Take(Links.Length - 1).Reverse().Select((l, i) =>
            i == Links.Length - 2 ? $"`{l.Name}`, loaded at line {l.DefinedAt}" : $"`{l.Name}`, split at line {l.DefinedAt}");
        return $"`{last.Name}` (split at line {last.DefinedAt} from {string.Join(" from ", from)})";
    }

    public bool Equals(DatasetLineage? other) => other is not null && Links.SequenceEqual(other.Links);

    public override int GetHashCode() => Links.Aggregate(0, (h, l) => HashCode.Combine(h, l));
}
