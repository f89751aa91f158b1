package io.dysession.it.cluster.load;

import io.dysession.DySessionScoped;

/**
 * Thirty-two distinct {@code @DySessionScoped} beans of one session, {@code S00} to {@code S31},
 * each a {@link Slot} counter: a request that increments slot {@code n} changes exactly one bean.
 */
public final class Slots {

    /** The slot beans by number. */
    static final Class<?>[] ALL = {
        S00.class, S01.class, S02.class, S03.class, S04.class, S05.class, S06.class, S07.class,
        S08.class, S09.class, S10.class, S11.class, S12.class, S13.class, S14.class, S15.class,
        S16.class, S17.class, S18.class, S19.class, S20.class, S21.class, S22.class, S23.class,
        S24.class, S25.class, S26.class, S27.class, S28.class, S29.class, S30.class, S31.class
    };

    private Slots() {
    }

    @DySessionScoped
    public static class S00 extends Slot {
    }

    @DySessionScoped
    public static class S01 extends Slot {
    }

    @DySessionScoped
    public static class S02 extends Slot {
    }

    @DySessionScoped
    public static class S03 extends Slot {
    }

    @DySessionScoped
    public static class S04 extends Slot {
    }

    @DySessionScoped
    public static class S05 extends Slot {
    }

    @DySessionScoped
    public static class S06 extends Slot {
    }

    @DySessionScoped
    public static class S07 extends Slot {
    }

    @DySessionScoped
    public static class S08 extends Slot {
    }

    @DySessionScoped
    public static class S09 extends Slot {
    }

    @DySessionScoped
    public static class S10 extends Slot {
    }

    @DySessionScoped
    public static class S11 extends Slot {
    }

    @DySessionScoped
    public static class S12 extends Slot {
    }

    @DySessionScoped
    public static class S13 extends Slot {
    }

    @DySessionScoped
    public static class S14 extends Slot {
    }

    @DySessionScoped
    public static class S15 extends Slot {
    }

    @DySessionScoped
    public static class S16 extends Slot {
    }

    @DySessionScoped
    public static class S17 extends Slot {
    }

    @DySessionScoped
    public static class S18 extends Slot {
    }

    @DySessionScoped
    public static class S19 extends Slot {
    }

    @DySessionScoped
    public static class S20 extends Slot {
    }

    @DySessionScoped
    public static class S21 extends Slot {
    }

    @DySessionScoped
    public static class S22 extends Slot {
    }

    @DySessionScoped
    public static class S23 extends Slot {
    }

    @DySessionScoped
    public static class S24 extends Slot {
    }

    @DySessionScoped
    public static class S25 extends Slot {
    }

    @DySessionScoped
    public static class S26 extends Slot {
    }

    @DySessionScoped
    public static class S27 extends Slot {
    }

    @DySessionScoped
    public static class S28 extends Slot {
    }

    @DySessionScoped
    public static class S29 extends Slot {
    }

    @DySessionScoped
    public static class S30 extends Slot {
    }

    @DySessionScoped
    public static class S31 extends Slot {
    }
}
