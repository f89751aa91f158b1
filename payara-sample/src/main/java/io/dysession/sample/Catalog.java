package io.dysession.sample;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The products for sale: a fixed list, enough for the sample. */
@ApplicationScoped
public class Catalog {

    /** Prices are in cents, so that totals are exact. */
    public record Product(String sku, String name, long priceCents) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("TEA-GREEN", "Sencha green tea, 100 g", 650),
            new Product("TEA-BLACK", "Assam black tea, 250 g", 1190),
            new Product("MUG", "Stoneware mug", 1400),
            new Product("KETTLE", "Gooseneck kettle", 4900));

    public List<Product> all() {
        return PRODUCTS;
    }

    public Optional<Product> find(String sku) {
        return PRODUCTS.stream().filter(p -> p.sku().equals(sku)).findFirst();
    }
}
