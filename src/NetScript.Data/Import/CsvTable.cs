using System.Text;

namespace NetScript.Data;

/// <summary>A CSV file as text cells (RFC 4180: quoted fields may hold the delimiter, quotes
/// doubled, and line breaks). The delimiter is the one of , ; or tab the header uses most.</summary>
internal sealed class CsvTable
{
    CsvTable(string[] header, List<string[]> rows, List<int> lines)
    {
        Header = header;
        Rows = rows;
        Lines = lines;
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    /// <summary>The 1-based line each row starts on, for messages.</summary>
    public List<int> Lines { get; }

    public static CsvTable Read(string path)
    {
        string text = File.ReadAllText(path);
        char delimiter = DetectDelimiter(text);
        var records = Parse(text, delimiter, path);
        if (records.Count == 0) throw new DataException($"{path} is empty; a CSV file needs a header line");
        string[] header = records[0].Cells.Select(h => h.Trim()).ToArray();
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DataException($"{path} has two columns named `{duplicate.Key}`");
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var (cells, line) in records.Skip(1))
        {
            if (cells.Length == 1 && cells[0].Length == 0) continue; // a blank line
            if (cells.Length != header.Length)
                throw new DataException($"line {line} of {path} has {cells.Length} fields, but the header has {header.Length}");
            rows.Add(cells);
            lines.Add(line);
        }
        return new CsvTable(header, rows, lines);
    }

    static char DetectDelimiter(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        string header = end < 0 ? text : text[..end];
        return new[] { ',', ';', '\t' }.OrderByDescending(d => header.Count(c => c == d)).First();
    }

    static List<(string[] Cells, int Line)> Parse(string text, char delimiter, string path)
    {
        var records = new List<(string[], int)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            any = true;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((cells.ToArray(), recordLine));
                cells.Clear();
                any = false;
                recordLine = ++line;
            }
            else cell.Append(c);
        }
        if (quoted) throw new DataException($"{path} ends inside a quoted field that starts on line {recordLine}");
        if (any)
        {
            cells.Add(cell.ToString());
            records.Add((cells.ToArray(), recordLine));
        }
        return records;
    }
}
