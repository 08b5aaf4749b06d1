package quorumsim.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * A base-10 log axis labelled at round numbers only: 0.1, 1, 10, 100, ..., with unlabelled
 * minor ticks at 2..9 times each. JFreeChart's own choice of tick unit steps through the
 * exponents in fractions and labels 398.107 and 630.957.
 */
final class DecadeLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    DecadeLogAxis(String label, double smallestValue) {
        super(label);
        setBase(10);
        setSmallestValue(smallestValue);
        setAutoTickUnitSelection(false);
        setTickUnit(new NumberTickUnit(1.0), false, false);  // one decade, in log space
        setMinorTickCount(9);
        setMinorTickMarksVisible(true);
        setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }
}
