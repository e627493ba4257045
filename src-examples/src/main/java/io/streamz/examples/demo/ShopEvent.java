package io.streamz.examples.demo;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line of the demo's data set: a shopper's click, add-to-cart or purchase.
 *
 * <pre>{@code
 * ShopEvent e = ShopEvent.parse("2024-11-29T19:04:11.532Z,u01234,purchase,p0137,electronics,129.99,2");
 * e.amount();   // 259.98
 * }</pre>
 *
 * @param time when it happened
 * @param user the shopper, e.g. {@code u01234}
 * @param type {@code click}, {@code cart} or {@code purchase}
 * @param product the product, e.g. {@code p0137}
 * @param category the product's category, e.g. {@code books}
 * @param price the unit price in dollars
 * @param quantity how many units
 */
public record ShopEvent(Instant time, String user, String type, String product, String category,
        double price, int quantity) {
    /** The CSV header line of the data set. */
    public static final String HEADER = "time,user,type,product,category,price,quantity";

    /** Whether {@code line} is a complete event line (not the header, not a damaged line). */
    public static boolean isWellFormed(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 7 || f[1].isEmpty() || f[3].isEmpty() || f[4].isEmpty()) {
            return false;
        }
        if (!f[2].equals("click") && !f[2].equals("cart") && !f[2].equals("purchase")) {
            return false;
        }
        try {
            Instant.parse(f[0]);
            return Double.parseDouble(f[5]) >= 0 && Integer.parseInt(f[6]) > 0;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Parses a well-formed line.
     *
     * @throws IllegalArgumentException if the line is not well-formed
     */
    public static ShopEvent parse(String line) {
        if (!isWellFormed(line)) {
            throw new IllegalArgumentException("not a shop event: \"" + line + "\"");
        }
        String[] f = line.split(",", -1);
        return new ShopEvent(Instant.parse(f[0]), f[1], f[2], f[3], f[4],
                Double.parseDouble(f[5]), Integer.parseInt(f[6]));
    }

    /** Whether this is a click. */
    public boolean isClick() {
        return type.equals("click");
    }

    /** Whether this is a purchase. */
    public boolean isPurchase() {
        return type.equals("purchase");
    }

    /** What was paid: price times quantity (zero meaning for clicks). */
    public double amount() {
        return price * quantity;
    }
}
