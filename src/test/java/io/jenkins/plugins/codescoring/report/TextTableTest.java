package io.jenkins.plugins.codescoring.report;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class TextTableTest {

    @Test
    public void columnsAreAsWideAsTheirWidestCellAndTheLastIsNotPadded() {
        TextTable table = new TextTable(List.of(new TextTable.Column("A", 10), new TextTable.Column("Bee", 10)));
        table.addRow(List.of("wide cell", "x"), List.of());
        table.addRow(List.of("y", "z"), List.of("detail"));
        assertEquals(
                List.of("A         | Bee", "----------+----", "wide cell | x", "y         | z", "    detail"),
                table.render());
    }

    @Test
    public void cuttingNeverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDCE6"; // one code point, two chars
        assertEquals(emoji.repeat(4) + "…", ConsoleText.truncate(emoji.repeat(10), 5));
        assertEquals(emoji.repeat(5), ConsoleText.truncate(emoji.repeat(5), 5));
        assertEquals(5, ConsoleText.width(emoji.repeat(5)));
    }

    @Test
    public void cellsAreOneTrimmedLineOrADash() {
        assertEquals("-", ConsoleText.cell(null));
        assertEquals("-", ConsoleText.cell(" \n\t "));
        assertEquals("a  b", ConsoleText.cell(" a\r\nb "));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aColumnNarrowerThanItsHeaderIsRefused() {
        new TextTable.Column("Vulnerability", 5);
    }

    @Test(expected = IllegalArgumentException.class)
    public void aRowMustHaveOneCellPerColumn() {
        new TextTable(List.of(new TextTable.Column("A", 5))).addRow(List.of("a", "b"), List.of());
    }
}
