package io.dysession.names;

import java.util.ArrayList;
import java.util.List;

import io.dysession.DySessionName;
import io.dysession.DySessionScoped;

/** {@link io.dysession.beans.Cart} after a rename: its state moves from the old class name to "cart". */
@DySessionScoped
@DySessionName(value = "cart", aliases = {"io.dysession.beans.Cart"})
public class RenamedCart {

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
