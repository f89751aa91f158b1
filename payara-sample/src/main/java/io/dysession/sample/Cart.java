package io.dysession.sample;

import java.util.ArrayList;
import java.util.List;

import io.dysession.DySessionScoped;

/**
 * The visitor's shopping cart. Its state is the {@code lines} property, stored as JSON in
 * DynamoDB; methods that are not getters or setters (such as {@link #totalCents()}) are not state.
 */
@DySessionScoped
public class Cart {

    public static final int MAX_QUANTITY = 99;

    private List<Line> lines = new ArrayList<>();

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    /** Adds to the product's line, or starts one. A line holds at most {@value #MAX_QUANTITY}. */
    public void add(Catalog.Product product, int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("The quantity must be between 1 and " + MAX_QUANTITY + ".");
        }
        for (Line line : lines) {
            if (line.getSku().equals(product.sku())) {
                line.setQuantity(Math.min(MAX_QUANTITY, line.getQuantity() + quantity));
                return;
            }
        }
        lines.add(new Line(product, quantity));
    }

    /** Removes the product's line; false if the cart had none. */
    public boolean remove(String sku) {
        return lines.removeIf(line -> line.getSku().equals(sku));
    }

    public void clear() {
        lines.clear();
    }

    public int itemCount() {
        return lines.stream().mapToInt(Line::getQuantity).sum();
    }

    public long totalCents() {
        return lines.stream().mapToLong(Line::totalCents).sum();
    }

    /** One product in the cart, with the name and price it had when it was added. */
    public static class Line {

        private String sku;
        private String name;
        private long unitPriceCents;
        private int quantity;

        public Line() {
        }

        Line(Catalog.Product product, int quantity) {
            this.sku = product.sku();
            this.name = product.name();
            this.unitPriceCents = product.priceCents();
            this.quantity = quantity;
        }

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public long getUnitPriceCents() {
            return unitPriceCents;
        }

        public void setUnitPriceCents(long unitPriceCents) {
            this.unitPriceCents = unitPriceCents;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }

        public long totalCents() {
            return unitPriceCents * quantity;
        }
    }
}
