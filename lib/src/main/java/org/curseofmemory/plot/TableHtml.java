package org.curseofmemory.plot;

import java.util.Locale;
import org.curseofmemory.util.Validate;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An HTML view of a Tablesaw {@link Table} for notebooks: a header row, at most {@code maxRows}
 * rows (first and last halves when longer), numbers with 6 significant digits.
 */
public final class TableHtml {
    /** Rows shown by {@link #of(Table)}. */
    public static final int DEFAULT_MAX_ROWS = 20;

    private TableHtml() {
    }

    public static String of(Table table) {
        return of(table, DEFAULT_MAX_ROWS);
    }

    public static String of(Table table, int maxRows) {
        Validate.notNull("table", table);
        Validate.atLeast("maxRows", maxRows, 2);
        StringBuilder sb = new StringBuilder("<table class=\"com-table\">");
        if (!table.name().isEmpty()) {
            sb.append("<caption>").append(escape(table.name())).append(" (").append(table.rowCount()).append(" rows)</caption>");
        }
        sb.append("<thead><tr>");
        for (String name : table.columnNames()) {
            sb.append("<th>").append(escape(name)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        int n = table.rowCount();
        int head = n <= maxRows ? n : maxRows / 2;
        for (int r = 0; r < head; r++) {
            row(sb, table, r);
        }
        if (n > maxRows) {
            sb.append("<tr><td colspan=\"").append(table.columnCount()).append("\">… ").append(n - maxRows).append(" more rows …</td></tr>");
            for (int r = n - (maxRows - head); r < n; r++) {
                row(sb, table, r);
            }
        }
        return sb.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder sb, Table table, int r) {
        sb.append("<tr>");
        for (Column<?> c : table.columns()) {
            Object v = c.get(r);
            String text = v instanceof Double ? number((Double) v) : String.valueOf(v);
            sb.append("<td>").append(escape(text)).append("</td>");
        }
        sb.append("</tr>");
    }

    private static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
