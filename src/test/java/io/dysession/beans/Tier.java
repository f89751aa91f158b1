package io.dysession.beans;

public enum Tier {
    FREE, GOLD
}
