package org.curseofmemory.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class TableHtmlTest extends KitTest {
    @Test
    void longTablesShowHeadAndTail() {
        double[] t = new double[30];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 3.0;
        }
        String html = TableHtml.of(Table.create("grid <t>", DoubleColumn.create("t", t)), 10);
        assertTrue(html.contains("<caption>grid &lt;t&gt; (30 rows)</caption>"), html);
        assertTrue(html.contains("<td>0.333333</td>"), html);
        assertTrue(html.contains("… 20 more rows …"), html);
        assertTrue(html.contains("<td>29</td>") || html.contains("<td>9.66667</td>"), html);
        assertEquals(11, html.split("<tr>").length - 2, "header + 10 rows + the ellipsis row");
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableHtml.of(null));
        assertEquals("table must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TableHtml.of(Table.create("x"), 1));
        assertEquals("maxRows=1 must be >= 2", e.getMessage());
    }
}
