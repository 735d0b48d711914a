namespace NetScript.Runtime.Statistics;

/// <summary>A whole run's series in fixed memory, for plots: it keeps every item until
/// <see cref="Capacity"/> is reached, then drops every other kept item and from then on keeps
/// only every 2nd, 4th, … item offered. The kept items stay evenly spaced from the first, so
/// a curve over a long run keeps its shape at a coarser resolution.</summary>
public sealed class DecimatingSeries<T>
{
    readonly List<T> _items;
    long _offered;

    public DecimatingSeries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        _items = new List<T>(capacity);
    }

    public int Capacity { get; }

    /// <summary>Keep one item of every <see cref="Stride"/> offered.</summary>
    public long Stride { get; private set; } = 1;

    public int Count => _items.Count;

    public IReadOnlyList<T> Items => _items;

    public void Add(T item)
    {
        long index = _offered++;
        if (index % Stride != 0) return;
        if (_items.Count == Capacity)
        {
            // Keep items 0, 2, 4, …: with the stride doubled they are again every Stride-th offered.
            for (int i = 0; i < Capacity / 2 + Capacity % 2; i++) _items[i] = _items[2 * i];
            _items.RemoveRange(Capacity / 2 + Capacity % 2, Capacity / 2);
            Stride *= 2;
            if (index % Stride != 0) return;
        }
        _items.Add(item);
    }

    public void Clear()
    {
        _items.Clear();
        _offered = 0;
        Stride = 1;
    }
}
