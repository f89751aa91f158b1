package io.dysession.it.concurrency.app;

import java.util.ArrayList;
import java.util.List;

import io.dysession.DySessionScoped;

/** A per-session shopping cart: a list that concurrent requests only append to. */
@DySessionScoped
public class Cart {

    private List<String> items = new ArrayList<>();

    public List<String> getItems() {
        return items;
    }

    public void setItems(List<String> items) {
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    public void add(String item) {
        items.add(item);
    }
}
