package io.dysession.beans;

import java.util.ArrayList;
import java.util.List;

import io.dysession.DySessionScoped;

@DySessionScoped
public class Cart {

    private List<String> items = new ArrayList<>();

    public List<String> getItems() {
        return items;
    }

    public void setItems(List<String> items) {
        this.items = items;
    }

    public void add(String item) {
        items.add(item);
    }
}
