package org.curseofmemory.plot;

import org.curseofmemory.util.KitArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JavaScript object literals that tablesaw-jsplot emits ({@code {x: ["0.0", ...],
 * title: 'a &amp; b',}}: unquoted keys, single-quoted and HTML-escaped strings, trailing commas)
 * into plain Java values: {@code Map<String,Object>}, {@code List<Object>}, String, Double,
 * Boolean or null. Package-private: only {@link PlotlyJson} needs it.
 */
final class JsLiteral {
    private final String src;
    private int pos;

    private JsLiteral(String src, int start) {
        this.src = src;
        this.pos = start;
    }

    /** Parses the first object literal that starts at or after the first '{' in {@code js}. */
    static Map<String, Object> firstObject(String js) {
        int start = js.indexOf('{');
        if (start < 0) {
            throw new KitArgumentException("no object literal in plot script: " + abbreviate(js));
        }
        Object value = new JsLiteral(js, start).value();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    private Object value() {
        skipSpace();
        char c = peek();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '\'':
            case '"':
                return string();
            default:
                return bare();
        }
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            String key = (peek() == '\'' || peek() == '"') ? string() : identifier();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            }
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> list = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            }
        }
    }

    private String string() {
        char quote = src.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = charAt(pos++);
            if (c == quote) {
                return unescapeHtml(sb.toString());
            }
            if (c == '\\') {
                char e = charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'u':
                        sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        pos += 4;
                        break;
                    default: sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '$')) {
            pos++;
        }
        if (start == pos) {
            throw error("a key");
        }
        return src.substring(start, pos);
    }

    private Object bare() {
        int start = pos;
        while (pos < src.length() && ",}] \n\r\t".indexOf(src.charAt(pos)) < 0) {
            pos++;
        }
        String word = src.substring(start, pos);
        switch (word) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "null":
            case "undefined":
            case "NaN": return null;
            default:
                try {
                    return Double.valueOf(word);
                } catch (NumberFormatException e) {
                    throw error("a value");
                }
        }
    }

    private static String unescapeHtml(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return charAt(pos);
    }

    private char charAt(int i) {
        if (i >= src.length()) {
            throw error("more input");
        }
        return src.charAt(i);
    }

    private void expect(char c) {
        if (charAt(pos) != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private IllegalStateException error(String expected) {
        return new IllegalStateException("cannot read tablesaw plot script: expected " + expected + " at position " + pos
                + " near \"" + abbreviate(src.substring(Math.max(0, pos - 20), Math.min(src.length(), pos + 20))) + "\"");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
