package quorumsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML page: inline style, no script, no network; it refers only to files
 * written next to it before it.
 */
final class HtmlPage {
    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1120px;
                   color: #222; padding: 0 16px; line-height: 1.4; }
            h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 19px; margin-top: 32px;
                   border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            .sub { color: #555; margin-top: 0; }
            .tags span { display: inline-block; background: #eef2f7; border-radius: 4px; padding: 2px 8px;
                   margin: 0 6px 6px 0; font-size: 13px; }
            .ok { color: #1b5e20; font-weight: bold; } .bad { color: #b71c1c; font-weight: bold; }
            .banner { background: #fff3e0; border: 1px solid #ef6c00; padding: 8px 12px; border-radius: 4px; }
            table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
            th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            th { background: #f5f5f5; }
            figure { margin: 16px 0 28px 0; } figure img { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: 13px; color: #555; }
            .diagram { overflow-x: auto; border: 1px solid #eee; }
            code { font-size: 12px; }
            .story { background: #fdecea; border-left: 4px solid #b71c1c; padding: 4px 14px; }
            .story p { margin: 6px 0; } .story p.cert { margin: 0 0 0 24px; font-family: "DejaVu Sans Mono", monospace; font-size: 13px; white-space: pre; }
            """;

    private final StringBuilder body = new StringBuilder(16384);
    private final String title;

    HtmlPage(String title) {
        this.title = title;
    }

    HtmlPage raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    HtmlPage heading(int level, String text) {
        return raw("<h" + level + ">" + Markup.escape(text) + "</h" + level + ">");
    }

    HtmlPage paragraph(String cssClass, String text) {
        return raw("<p class=\"" + cssClass + "\">" + Markup.escape(text) + "</p>");
    }

    /** A table; cells that parse as numbers are right-aligned. Cells are escaped. */
    HtmlPage table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table><tr>");
        for (String h : header) {
            t.append("<th>").append(Markup.escape(h)).append("</th>");
        }
        t.append("</tr>\n");
        for (List<String> row : rows) {
            t.append("<tr>");
            for (String cell : row) {
                t.append(isNumber(cell) ? "<td class=\"num\">" : "<td>").append(Markup.escape(cell)).append("</td>");
            }
            t.append("</tr>\n");
        }
        return raw(t.append("</table>").toString());
    }

    /** A chart shown from its SVG, with links to its PNG, SVG and CSV. */
    HtmlPage chart(String name, String caption) {
        return raw("<figure><img src=\"" + name + ".svg\" alt=\"" + Markup.escape(caption) + "\"><figcaption>"
                + Markup.escape(caption) + " \u2014 <a href=\"" + name + ".png\">PNG</a> \u00b7 <a href=\"" + name
                + ".svg\">SVG</a> \u00b7 <a href=\"" + name + ".csv\">data (CSV)</a></figcaption></figure>");
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(e[-+]?[0-9]+)?( ?%)?");
    }

    Path write(Path file) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Markup.escape(title)
                + "</title>\n<style>\n" + STYLE + "</style></head>\n<body>\n" + body + "</body></html>\n";
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
