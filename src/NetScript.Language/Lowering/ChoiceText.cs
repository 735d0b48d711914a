using System.Text;

namespace NetScript.Language.Lowering;

/// <summary>Maps a schema choice (<c>fan_avg</c>, <c>leaky_relu</c>) to the enum member of the
/// same name (<c>FanAvg</c>, <c>LeakyRelu</c>) and back, so lowered operations hold choices
/// as enums and the spelling lives in the schema only.</summary>
internal static class ChoiceText
{
    public static T Parse<T>(string choice) where T : struct, Enum =>
        Enum.TryParse(choice.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out T value)
            ? value
            : throw new InvalidOperationException($"the choice `{choice}` has no {typeof(T).Name} member");

    public static string Of(Enum value)
    {
        string name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
