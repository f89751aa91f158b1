package io.dysession.beans;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dysession.DySessionScoped;

/** The state Profile lacks: Optional, nested lists, non-String map keys, BigInteger, a LocalDateTime, non-ASCII text. */
@DySessionScoped
public class Itinerary {

    private String traveller;
    private List<List<String>> legs = new ArrayList<>();
    private Optional<String> note = Optional.empty();
    private Optional<Address> hotel = Optional.empty();
    private Map<Tier, Integer> seats = new LinkedHashMap<>();
    private BigInteger miles = BigInteger.ZERO;
    private LocalDateTime departure;

    public String getTraveller() {
        return traveller;
    }

    public void setTraveller(String traveller) {
        this.traveller = traveller;
    }

    public List<List<String>> getLegs() {
        return legs;
    }

    public void setLegs(List<List<String>> legs) {
        this.legs = legs;
    }

    public Optional<String> getNote() {
        return note;
    }

    public void setNote(Optional<String> note) {
        this.note = note;
    }

    public Optional<Address> getHotel() {
        return hotel;
    }

    public void setHotel(Optional<Address> hotel) {
        this.hotel = hotel;
    }

    public Map<Tier, Integer> getSeats() {
        return seats;
    }

    public void setSeats(Map<Tier, Integer> seats) {
        this.seats = seats;
    }

    public BigInteger getMiles() {
        return miles;
    }

    public void setMiles(BigInteger miles) {
        this.miles = miles;
    }

    public LocalDateTime getDeparture() {
        return departure;
    }

    public void setDeparture(LocalDateTime departure) {
        this.departure = departure;
    }
}
