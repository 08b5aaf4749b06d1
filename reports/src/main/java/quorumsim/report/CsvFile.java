package quorumsim.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the table behind a chart: a header line, then one line per row (Jackson CSV does the quoting). */
final class CsvFile {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvFile() {
    }

    static Path write(Path file, List<String> header, List<? extends List<?>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        try (SequenceWriter out = MAPPER.writer(schema.build().withHeader()).writeValues(file.toFile())) {
            for (List<?> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalStateException(file.getFileName() + ": a row has " + row.size()
                            + " values for " + header.size() + " columns");
                }
                out.write(row.stream().map(CsvFile::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /**
     * A number as a reader writes it: whole numbers without ".0", fractions to 12 significant
     * digits without float noise (1520.0000000000002 is 1520, 0.1 + 0.2 is 0.3), never in
     * exponent form; NaN as an empty cell. Anything else as it is.
     */
    static Object cell(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v)) {
                return "";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "Infinity" : "-Infinity";
            }
            return new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    private static final MathContext SIGNIFICANT = new MathContext(12, RoundingMode.HALF_EVEN);
}
