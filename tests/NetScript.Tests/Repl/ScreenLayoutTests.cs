using NetScript.Hosting.Statistics;
using NetScript.Repl;
using NetScript.Repl.Views;

namespace NetScript.Tests.Repl;

/// <summary>How the statistics pane's lines and tables give way as the pane narrows.</summary>
public sealed class ScreenLayoutTests
{
    [Fact]
    public void The_layer_table_drops_mean_then_std_then_the_gradient_and_keeps_its_display_order()
    {
        // layer 6, mean 6, std 5, dead% 5, |grad| 6, upd/w 7 wide; one column between two. By
        // priority (layer, upd/w, dead%, |grad|, std, mean) the table needs 6, 14, 20, 27, 33, 40.
        string[][] rows = [["dense1", "0.0123", "0.456", "12%", "0.789", "0.00123"]];
        Assert.Equal(["layer", "mean", "std", "dead%", "|grad|", "upd/w"], ScreenLayout.FitTable(LayerTable.Compact, rows, ScreenLayout.LayerPriority, 40).Headers);
        var (headers, cells) = ScreenLayout.FitTable(LayerTable.Compact, rows, ScreenLayout.LayerPriority, 39);
        Assert.Equal(["layer", "std", "dead%", "|grad|", "upd/w"], headers);
        Assert.Equal(["dense1", "0.456", "12%", "0.789", "0.00123"], cells.Single());
        Assert.Equal(["layer", "dead%", "upd/w"], ScreenLayout.FitTable(LayerTable.Compact, rows, ScreenLayout.LayerPriority, 26).Headers);
        // The layer's name stays whatever the width.
        Assert.Equal(["layer"], ScreenLayout.FitTable(LayerTable.Compact, rows, ScreenLayout.LayerPriority, 3).Headers);
    }

    [Fact]
    public void A_line_of_parts_keeps_the_first_and_then_each_that_still_fits()
    {
        string[] parts = ["running", "42%", "ETA 1:05:00 and a very long part", "loss 0.1234"];
        Assert.Equal("running · 42% · ETA 1:05:00 and a very long part · loss 0.1234", ScreenLayout.Parts(parts, 80));
        // A part that does not fit is skipped; a later, shorter one still comes.
        Assert.Equal("running · 42% · loss 0.1234", ScreenLayout.Parts(parts, 30));
        Assert.Equal("running", ScreenLayout.Parts(parts, 9));
        Assert.Equal("runn…", ScreenLayout.Parts(parts, 5));
        Assert.Equal("running · loss 0.1234", ScreenLayout.Parts(["running", null, "loss 0.1234"], 21));
    }

    [Fact]
    public void The_key_line_says_what_F5_does_and_leaves_it_out_while_a_search_runs()
    {
        Assert.Equal(" Enter │ Tab │ ↑↓ ^R │ F5 pause │ ^C stop │ ^L clear │ F1 help │ ^Q quit", ScreenLayout.KeyLine(PauseKey.Pause, 80));
        Assert.Equal(" Enter │ Tab │ ↑↓ ^R │ F5 resume │ ^C stop │ ^L clear │ F1 help │ ^Q quit", ScreenLayout.KeyLine(PauseKey.Resume, 80));
        Assert.Equal(" Enter │ Tab │ ↑↓ ^R │ ^C stop │ ^L clear │ F1 help │ ^Q quit", ScreenLayout.KeyLine(PauseKey.None, 80));
        // Without F5 the longest line fits sooner (106 columns instead of 117).
        Assert.Equal(" Enter run │ Tab complete │ ↑↓ history │ ^R search │ F6/^C stop │ ^L clear │ F7 output │ F1 help │ ^Q quit",
            ScreenLayout.KeyLine(PauseKey.None, 110));
        Assert.Equal(" Enter run │ Tab complete │ ↑↓ ^R history │ F5 pause │ ^C stop │ ^L clear │ F7 copy │ F1 help │ ^Q quit",
            ScreenLayout.KeyLine(PauseKey.Pause, 110));
        Assert.Equal(" Enter │ Tab │ ↑↓ ^R │ ^C stop │ ^L cl…", ScreenLayout.KeyLine(PauseKey.None, 39));
    }
}
