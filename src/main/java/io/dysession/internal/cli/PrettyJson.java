package io.dysession.internal.cli;

/**
 * Indents JSON text two spaces per level. It reads only the structure (strings, brackets,
 * commas, colons), so it needs no JSON library in the command-line jar; text that is not JSON
 * comes out re-spaced but otherwise unchanged.
 */
final class PrettyJson {

    private PrettyJson() {
    }

    static String indent(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    int next = nextNonSpace(json, i + 1);
                    if (next < json.length() && json.charAt(next) == (c == '{' ? '}' : ']')) {
                        out.append(c).append(json.charAt(next));
                        i = next;
                    } else {
                        out.append(c);
                        newLine(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    newLine(out, --depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newLine(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\n', '\r' -> {
                    // layout is ours to make
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static int nextNonSpace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void newLine(StringBuilder out, int depth) {
        out.append('\n');
        for (int level = 0; level < Math.max(depth, 0); level++) {
            out.append("  ");
        }
    }
}
