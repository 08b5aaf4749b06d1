package quorumsim.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
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
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
