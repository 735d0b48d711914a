using NetScript.Language.Diagnostics;

namespace NetScript.Tests.Language.Syntax;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("modle", "model")]
    [InlineData("dens", "dense")]
    [InlineData("evalute", "evaluate")]
    [InlineData("Dense", "dense")]
    public void Suggests_the_closest_name(string typo, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typo, ["model", "dense", "evaluate", "relu", "seed"]));

    [Theory]
    [InlineData("xyz")]
    [InlineData("convolution")]
    public void Suggests_nothing_when_nothing_is_close(string word) =>
        Assert.Null(Suggestions.Closest(word, ["model", "dense", "relu"]));
}
