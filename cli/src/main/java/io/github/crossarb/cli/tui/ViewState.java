package io.github.crossarb.cli.tui;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the operator chose to see, and the prompts open: everything the renderer needs besides the
 * engine's snapshot. Immutable; keys produce a new one ({@link DashboardKeys}).
 *
 * @param filter pairs whose id or status contains it (case-insensitive) are shown; empty: all
 * @param editingFilter whether keys are typed into the filter ({@code /} until Enter or Escape)
 * @param sort the pairs' order
 * @param pane the pane the arrow keys scroll
 * @param scroll the first row shown of {@code pane} (the others show their top)
 * @param help whether the help overlay is shown
 * @param prompt a question waiting for an answer, or {@link Prompt#NONE}
 * @param typed what was typed so far for {@link Prompt#LIVE}
 * @param linkLines the trader link's state, one line each (supplied by the caller)
 * @param clock the time shown, and the time countdowns are measured from
 * @param message the result of the last action, shown until the next key; empty for none
 */
public record ViewState(
    String filter,
    boolean editingFilter,
    SortKey sort,
    Pane pane,
    int scroll,
    boolean help,
    Prompt prompt,
    String typed,
    List<String> linkLines,
    Instant clock,
    String message) {

  /** The link lines until the trader link fills them. */
  public static final List<String> LOCAL_LINK = List.of("link: local");

  /** How the pairs are ordered. */
  public enum SortKey {
    /** By pair id. */
    PAIR,
    /** Best edge first. */
    EDGE,
    /** Largest tradable size first. */
    SIZE,
    /** By status, then id. */
    STATUS;

    SortKey next() {
      return values()[(ordinal() + 1) % values().length];
    }
  }

  /** The panes that scroll. */
  public enum Pane {
    PAIRS,
    ACTIVITY,
    LOG;

    Pane next() {
      return values()[(ordinal() + 1) % values().length];
    }
  }

  /** A question on the prompt line. */
  public enum Prompt {
    NONE,
    /** "kill trading? y/N". */
    KILL,
    /** Which mode: d, p or l. */
    MODE,
    /** Live trading needs {@code LIVE} typed, then Enter. */
    LIVE
  }

  public ViewState {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(pane, "pane");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(typed, "typed");
    linkLines = List.copyOf(linkLines);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(message, "message");
    if (scroll < 0) {
      throw new IllegalArgumentException("scroll must not be negative");
    }
  }

  /** The dashboard as it opens: all pairs by id, nothing asked, the link local. */
  public static ViewState initial(Instant clock) {
    return new ViewState("", false, SortKey.PAIR, Pane.PAIRS, 0, false, Prompt.NONE, "", LOCAL_LINK, clock, "");
  }

  public ViewState withClock(Instant now) {
    return new ViewState(filter, editingFilter, sort, pane, scroll, help, prompt, typed, linkLines, now, message);
  }

  public ViewState withLinkLines(List<String> lines) {
    return new ViewState(filter, editingFilter, sort, pane, scroll, help, prompt, typed, lines, clock, message);
  }

  public ViewState withMessage(String text) {
    return new ViewState(filter, editingFilter, sort, pane, scroll, help, prompt, typed, linkLines, clock, text);
  }

  ViewState withFilter(String text, boolean editing) {
    return new ViewState(text, editing, sort, pane, 0, help, prompt, typed, linkLines, clock, message);
  }

  ViewState withSort(SortKey key) {
    return new ViewState(filter, editingFilter, key, pane, scroll, help, prompt, typed, linkLines, clock, message);
  }

  ViewState withPane(Pane p, int firstRow) {
    return new ViewState(filter, editingFilter, sort, p, Math.max(0, firstRow), help, prompt, typed, linkLines, clock,
        message);
  }

  ViewState withHelp(boolean shown) {
    return new ViewState(filter, editingFilter, sort, pane, scroll, shown, prompt, typed, linkLines, clock, message);
  }

  ViewState withPrompt(Prompt p, String text) {
    return new ViewState(filter, editingFilter, sort, pane, scroll, help, p, text, linkLines, clock, message);
  }
}
