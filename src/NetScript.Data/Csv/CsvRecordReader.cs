using System.Text;

namespace NetScript.Data;

/// <summary>Reads a CSV file record by record (RFC 4180: fields separated by the delimiter,
/// records by CRLF or LF; a field in double quotes may hold the delimiter, line breaks and
/// quotes written twice). Streams: only the current record is held.</summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter, string name)
{
    readonly StringBuilder _cell = new();
    int _line = 1;

    /// <summary>The fields of the record just read.</summary>
    public List<string> Cells { get; } = new();

    /// <summary>The 1-based line the record just read starts on.</summary>
    public int Line { get; private set; }

    /// <summary>Reads the next record; false at the end of the file. A blank line is a record
    /// with one empty field.</summary>
    public bool Read()
    {
        Cells.Clear();
        _cell.Clear();
        Line = _line;
        int c = reader.Read();
        if (c < 0) return false;
        bool quoted = false, wasQuoted = false;
        while (true)
        {
            if (c < 0)
            {
                if (quoted) throw new DataException($"{name} ends inside a quoted field that starts on line {Line}");
                Cells.Add(_cell.ToString());
                return true;
            }
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { _cell.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') _line++;
                    _cell.Append(ch);
                }
            }
            else if (ch == '"' && _cell.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (ch == delimiter)
            {
                Cells.Add(_cell.ToString());
                _cell.Clear();
                wasQuoted = false;
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                _line++;
                Cells.Add(_cell.ToString());
                return true;
            }
            else
            {
                _cell.Append(ch);
            }
            c = reader.Read();
        }
    }

    /// <summary>The delimiter of a header line: whichever of , ; and tab it holds most (comma
    /// when it holds none).</summary>
    public static char Detect(string headerLine) =>
        new[] { ',', ';', '\t' }.OrderByDescending(d => headerLine.Count(c => c == d)).First();
}
