package io.dysession.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.dysession.DySessionScoped;

/**
 * A three-step checkout wizard: contact details, shipping, then review and place the order.
 * Each submit returns the problems found in the input (empty when it was accepted); a submit
 * that does not fit the current step throws {@link Conflict}.
 */
@DySessionScoped
public class Checkout {

    public enum Step { CONTACT, SHIPPING, REVIEW, DONE }

    public enum ShippingMethod {
        STANDARD(0), EXPRESS(990);

        private final long priceCents;

        ShippingMethod(long priceCents) {
            this.priceCents = priceCents;
        }

        public long priceCents() {
            return priceCents;
        }
    }

    private Step step = Step.CONTACT;
    private Contact contact = new Contact();
    private Shipping shipping = new Shipping();
    private Order order;

    /** Step 1; also accepted again from a later step, to correct the details. */
    public Map<String, String> submitContact(Contact input) {
        requireReached(Step.CONTACT);
        Map<String, String> problems = input.problems();
        if (problems.isEmpty()) {
            contact = input;
            step = Step.SHIPPING;
        }
        return problems;
    }

    /** Step 2. */
    public Map<String, String> submitShipping(Shipping input) {
        requireReached(Step.SHIPPING);
        Map<String, String> problems = input.problems();
        if (problems.isEmpty()) {
            shipping = input;
            step = Step.REVIEW;
        }
        return problems;
    }

    /** Step 3: turns the cart into an order and empties the cart. */
    public Order placeOrder(Cart cart) {
        requireReached(Step.REVIEW);
        if (cart.getLines().isEmpty()) {
            throw new Conflict("The cart is empty: add something before placing the order.");
        }
        order = new Order();
        order.setNumber(String.format("DY-%08X", ThreadLocalRandom.current().nextInt()));
        order.setPlacedAt(Instant.now());
        order.setLines(new ArrayList<>(cart.getLines()));
        order.setShippingMethod(shipping.getMethod());
        order.setTotalCents(cart.totalCents() + shipping.getMethod().priceCents());
        cart.clear();
        step = Step.DONE;
        return order;
    }

    public void back() {
        if (step == Step.CONTACT || step == Step.DONE) {
            throw new Conflict("There is no step to go back to.");
        }
        step = Step.values()[step.ordinal() - 1];
    }

    public void restart() {
        step = Step.CONTACT;
        contact = new Contact();
        shipping = new Shipping();
        order = null;
    }

    private void requireReached(Step wanted) {
        if (step == Step.DONE) {
            throw new Conflict("This order has been placed: start over for a new one.");
        }
        if (step.compareTo(wanted) < 0) {
            throw new Conflict("Finish the " + step.name().toLowerCase() + " step first.");
        }
    }

    public Step getStep() {
        return step;
    }

    public void setStep(Step step) {
        this.step = step;
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact;
    }

    public Shipping getShipping() {
        return shipping;
    }

    public void setShipping(Shipping shipping) {
        this.shipping = shipping;
    }

    public Order getOrder() {
        return order;
    }

    public void setOrder(Order order) {
        this.order = order;
    }

    /** A submit that does not fit the wizard's current step. */
    public static class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    public static class Contact {

        private String name = "";
        private String email = "";

        public Map<String, String> problems() {
            Map<String, String> problems = new LinkedHashMap<>();
            if (isBlank(name)) {
                problems.put("name", "Enter your name.");
            }
            if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.put("email", "Enter an e-mail address such as ada@example.com.");
            }
            return problems;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    public static class Shipping {

        private String street = "";
        private String city = "";
        private String postalCode = "";
        private String country = "";
        private ShippingMethod method = ShippingMethod.STANDARD;

        public Map<String, String> problems() {
            Map<String, String> problems = new LinkedHashMap<>();
            if (isBlank(street)) {
                problems.put("street", "Enter the street and number.");
            }
            if (isBlank(city)) {
                problems.put("city", "Enter the city.");
            }
            if (isBlank(postalCode)) {
                problems.put("postalCode", "Enter the postal code.");
            }
            if (isBlank(country)) {
                problems.put("country", "Enter the country.");
            }
            if (method == null) {
                problems.put("method", "Choose STANDARD or EXPRESS shipping.");
            }
            return problems;
        }

        public String getStreet() {
            return street;
        }

        public void setStreet(String street) {
            this.street = street;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getPostalCode() {
            return postalCode;
        }

        public void setPostalCode(String postalCode) {
            this.postalCode = postalCode;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public ShippingMethod getMethod() {
            return method;
        }

        public void setMethod(ShippingMethod method) {
            this.method = method;
        }
    }

    public static class Order {

        private String number;
        private Instant placedAt;
        private List<Cart.Line> lines = new ArrayList<>();
        private ShippingMethod shippingMethod;
        private long totalCents;

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number;
        }

        public Instant getPlacedAt() {
            return placedAt;
        }

        public void setPlacedAt(Instant placedAt) {
            this.placedAt = placedAt;
        }

        public List<Cart.Line> getLines() {
            return lines;
        }

        public void setLines(List<Cart.Line> lines) {
            this.lines = lines;
        }

        public ShippingMethod getShippingMethod() {
            return shippingMethod;
        }

        public void setShippingMethod(ShippingMethod shippingMethod) {
            this.shippingMethod = shippingMethod;
        }

        public long getTotalCents() {
            return totalCents;
        }

        public void setTotalCents(long totalCents) {
            this.totalCents = totalCents;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
