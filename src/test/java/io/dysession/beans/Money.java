package io.dysession.beans;

import java.math.BigDecimal;

public record Money(BigDecimal amount, String currency) {
}
