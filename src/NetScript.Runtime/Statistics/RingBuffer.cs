namespace NetScript.Runtime.Statistics;

/// <summary>The latest <see cref="Capacity"/> items; adding to a full buffer overwrites the
/// oldest. Memory is fixed at construction.</summary>
public sealed class RingBuffer<T>
{
    readonly T[] _items;
    int _next;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count { get; private set; }

    public void Add(T item)
    {
        _items[_next] = item;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
    }

    /// <summary>The newest item; throws when empty.</summary>
    public T Latest => Count > 0 ? _items[(_next - 1 + _items.Length) % _items.Length] : throw new InvalidOperationException("the buffer is empty");

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<T> ToList()
    {
        var list = new List<T>(Count);
        int start = (_next - Count + _items.Length) % _items.Length;
        for (int i = 0; i < Count; i++) list.Add(_items[(start + i) % _items.Length]);
        return list;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _next = 0;
        Count = 0;
    }
}
