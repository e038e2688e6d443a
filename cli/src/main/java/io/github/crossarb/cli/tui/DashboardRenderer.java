package io.github.crossarb.cli.tui;

import io.github.crossarb.cli.tui.Styled.Style;
import io.github.crossarb.cli.tui.ViewState.Pane;
import io.github.crossarb.core.engine.EngineMode;
import io.github.crossarb.core.engine.EngineSnapshot;
import io.github.crossarb.core.engine.EngineSnapshot.BalanceView;
import io.github.crossarb.core.engine.EngineSnapshot.ExecutionView;
import io.github.crossarb.core.engine.EngineSnapshot.FeedHealth;
import io.github.crossarb.core.engine.EngineSnapshot.LegView;
import io.github.crossarb.core.engine.EngineSnapshot.LogLine;
import io.github.crossarb.core.engine.EngineSnapshot.PairView;
import io.github.crossarb.core.engine.EngineSnapshot.PendingApproval;
import io.github.crossarb.core.engine.EngineSnapshot.Quote;
import io.github.crossarb.core.engine.EngineSnapshot.TradingState;
import io.github.crossarb.core.event.EngineEvent.Severity;
import io.github.crossarb.core.model.Money;
import io.github.crossarb.core.model.Side;
import io.github.crossarb.core.model.VenueId;
import io.github.crossarb.core.pair.PairStatus;
import io.github.crossarb.core.position.LedgerSnapshot;
import io.github.crossarb.core.pricing.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dashboard screen as a pure function of an engine snapshot and the view state: exactly
 * {@code height} lines, none wider than {@code width} columns, plain ASCII (ANSI colour codes only
 * when asked). Same inputs, same lines: the terminal loop redraws only the lines that changed.
 *
 * <p>Layout, top to bottom: two header lines (mode, approval, trading state and kill switch, clock;
 * feed health per venue and the trader link), a prompt line (a question asked, else the pending
 * approval with its countdown, else why trading is blocked), then the panes — pairs, executions
 * (pending approvals first), positions and balances, log — and a footer with the keys (or the last
 * action's result, or the filter being typed). From {@value #WIDE} columns the middle and the
 * bottom split in two (executions | positions, alerts | log) and prices show bid/ask; below,
 * panes stack and prices show the ask only. Pair columns drop, least useful first, when even that
 * does not fit.
 */
public final class DashboardRenderer {
  /** From this width the panes sit side by side and prices show bid and ask. */
  static final int WIDE = 120;
  private static final String GAP = " | ";

  private DashboardRenderer() {}

  /** The screen: exactly {@code height} lines, each at most {@code width} columns. */
  public static List<String> render(EngineSnapshot snapshot, ViewState view, int width, int height, boolean colour) {
    List<Styled> lines = layout(snapshot, view, Math.max(0, width), Math.max(0, height));
    List<String> out = new ArrayList<>(Math.max(0, height));
    for (int i = 0; i < height; i++) {
      out.add(i < lines.size() ? lines.get(i).render(width, colour) : "");
    }
    return List.copyOf(out);
  }

  /** The pairs shown, filtered and sorted as the view asks. */
  static List<PairView> visiblePairs(EngineSnapshot snapshot, ViewState view) {
    String f = view.filter().toLowerCase(Locale.ROOT);
    List<PairView> out = new ArrayList<>();
    for (PairView p : snapshot.pairs()) {
      if (f.isEmpty() || p.pairId().toLowerCase(Locale.ROOT).contains(f)
          || status(p).toLowerCase(Locale.ROOT).contains(f)) {
        out.add(p);
      }
    }
    Comparator<PairView> byId = Comparator.comparing(PairView::pairId);
    Comparator<PairView> order;
    switch (view.sort()) {
      case EDGE:
        order = Comparator.comparing((PairView p) -> p.quotes().edgePerContract(),
            Comparator.nullsLast(Comparator.<Money>reverseOrder())).thenComparing(byId);
        break;
      case SIZE:
        order = Comparator.comparing((PairView p) -> p.quotes().tradableSize(), Comparator.reverseOrder())
            .thenComparing(byId);
        break;
      case STATUS:
        order = Comparator.comparing(PairView::state).thenComparing(byId);
        break;
      default:
        order = byId;
    }
    out.sort(order);
    return out;
  }

  // ===========================================================================================
  // Layout

  private static List<Styled> layout(EngineSnapshot s, ViewState v, int width, int height) {
    boolean wide = width >= WIDE;
    List<Styled> out = new ArrayList<>(height);
    out.add(header(s, v, width));
    out.add(feeds(s, v, wide));
    out.add(promptLine(s, v));
    int body = height - 4;
    if (body > 0) {
      if (v.help()) {
        out.addAll(help(width, body));
      } else if (wide) {
        int[] h = allocate(body, new int[] {40, 35, 25});
        shrinkPairs(h, pairsNeed(s, v), 1, 2);
        out.addAll(pairsPane(s, v, width, h[0], true));
        int left = (width - GAP.length()) * 55 / 100;
        int right = width - GAP.length() - left;
        out.addAll(beside(activityPane(s, v, left, h[1], true), positionsPane(s, right, h[1]), left));
        int alertsWidth = (width - GAP.length()) * 40 / 100;
        out.addAll(beside(alertsPane(s, alertsWidth, h[2]), logPane(s, v, width - GAP.length() - alertsWidth, h[2]),
            alertsWidth));
      } else {
        int[] h = allocate(body, new int[] {40, 25, 15, 20});
        shrinkPairs(h, pairsNeed(s, v), 1, 3);
        out.addAll(pairsPane(s, v, width, h[0], false));
        out.addAll(activityPane(s, v, width, h[1], false));
        out.addAll(positionsPane(s, width, h[2]));
        out.addAll(logPane(s, v, width, h[3]));
      }
    }
    if (height >= 4) {
      out.add(footer(s, v));
    }
    while (out.size() > height) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The rows the pairs pane can use: title, column headers, one per pair (or the "none" line). */
  private static int pairsNeed(EngineSnapshot s, ViewState v) {
    return 2 + Math.max(1, visiblePairs(s, v).size());
  }

  /** Gives the rows the pairs pane cannot use to panes {@code a} and {@code b}. */
  private static void shrinkPairs(int[] h, int need, int a, int b) {
    if (h[0] > need) {
      int[] surplus = allocate(h[0] - need, new int[] {1, 1});
      h[0] = need;
      h[a] += surplus[0];
      h[b] += surplus[1];
    }
  }

  /** Splits {@code total} rows by weights; the remainder goes to the first panes. */
  static int[] allocate(int total, int[] weights) {
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    int[] out = new int[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      out[i] = total * weights[i] / sum;
      given += out[i];
    }
    for (int i = 0; given < total; i = (i + 1) % weights.length) {
      out[i]++;
      given++;
    }
    return out;
  }

  private static List<Styled> beside(List<Styled> left, List<Styled> right, int leftWidth) {
    List<Styled> out = new ArrayList<>(left.size());
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      Styled l = i < left.size() ? left.get(i) : new Styled();
      Styled line = l.fitTo(leftWidth).add(GAP, Style.DIM);
      if (i < right.size()) {
        line.add(right.get(i));
      }
      out.add(line);
    }
    return out;
  }

  /** A pane: its title and {@code rows} rows of content (blank-padded), {@code height} lines in all. */
  private static List<Styled> pane(Styled title, List<Styled> rows, int height) {
    List<Styled> out = new ArrayList<>(height);
    if (height <= 0) {
      return out;
    }
    out.add(title);
    for (int i = 0; i < height - 1; i++) {
      out.add(i < rows.size() ? rows.get(i) : new Styled());
    }
    return out;
  }

  private static Styled title(String text, boolean selected, int width) {
    String t = (selected ? "[" + text + "]" : "-- " + text + " ");
    Styled line = new Styled().add(t, selected ? Style.REVERSE : Style.TITLE);
    if (line.length() < width) {
      line.add("-".repeat(width - line.length()), Style.DIM);
    }
    return line;
  }

  /** Rows {@code from} on, {@code room} of them, the start clamped so the last page is full. */
  private static <T> List<T> window(List<T> all, int from, int room) {
    if (room <= 0 || all.isEmpty()) {
      return List.of();
    }
    int start = Math.max(0, Math.min(from, all.size() - room));
    return all.subList(start, Math.min(all.size(), start + room));
  }

  // ===========================================================================================
  // Header, prompt, footer

  private static Styled header(EngineSnapshot s, ViewState v, int width) {
    Styled line = new Styled().add(" crossarb ", Style.REVERSE).add(" ");
    line.add(modeName(s.mode()), s.mode() == EngineMode.LIVE ? Style.ALERT
        : s.mode() == EngineMode.PAPER ? Style.YELLOW : Style.CYAN);
    line.add("  approval " + s.approval().name().toLowerCase(Locale.ROOT) + "  ");
    TradingState t = s.trading();
    Style ts = switch (t) {
      case TRADING -> Style.GREEN;
      case KILLED -> Style.ALERT;
      case PAUSED, BLOCKED -> Style.YELLOW;
      default -> Style.CYAN;
    };
    line.add(t.name(), ts);
    line.add("  ");
    if (s.kill().engaged()) {
      line.add("kill: ON since " + Fmt.time(s.kill().at()), Style.ALERT);
    } else {
      line.add("kill: off");
    }
    String clock = Fmt.time(v.clock()) + " UTC";
    Styled out = line.fitTo(Math.max(0, width - clock.length() - 1));
    return out.add(" ").add(clock, Style.BOLD);
  }

  private static String modeName(EngineMode mode) {
    return switch (mode) {
      case DRY_RUN -> "dry-run";
      case PAPER -> "paper";
      case LIVE -> "LIVE";
    };
  }

  private static Styled feeds(EngineSnapshot s, ViewState v, boolean wide) {
    Styled line = new Styled().add(" ");
    for (FeedHealth f : s.feeds()) {
      String name = wide ? f.venue().name().charAt(0) + f.venue().name().substring(1).toLowerCase(Locale.ROOT)
          : f.venue() == VenueId.KALSHI ? "K" : "P";
      line.add(name + " ");
      boolean healthy = f.connected() && f.untrusted() == 0;
      line.add(f.connected() ? "up" : "down", healthy ? Style.GREEN : f.connected() ? Style.YELLOW : Style.RED);
      line.add(" " + Fmt.age(f.age()) + (wide ? " ago, " : " ") + f.trusted() + (wide ? " trusted/" : "/")
          + f.untrusted() + (wide ? " untrusted" : "") + "  ");
    }
    line.add(String.join(" | ", v.linkLines()), Style.CYAN);
    return line;
  }

  private static Styled promptLine(EngineSnapshot s, ViewState v) {
    switch (v.prompt()) {
      case KILL:
        return Styled.of(" kill trading? cancels every open order; trading stays off until a restart. y/N ", Style.ALERT);
      case MODE:
        return Styled.of(" mode: [d]ry-run  [p]aper  [l]ive  (any other key cancels) ", Style.REVERSE);
      case LIVE:
        return Styled.of(" switch to LIVE trading with real money? type LIVE and Enter: ", Style.ALERT)
            .add(" " + v.typed() + "_");
      default:
        break;
    }
    if (!s.pendingApprovals().isEmpty()) {
      PendingApproval p = s.pendingApprovals().get(0);
      long left = Math.max(0, Duration.between(v.clock(), p.expiresAt()).toSeconds());
      Styled line = Styled.of(" APPROVE? ", Style.ALERT).add(" " + p.pairId() + " " + direction(p.opportunity().direction())
          + " x" + Fmt.size(p.opportunity().size()) + " profit " + Fmt.money(p.opportunity().expectedProfit()) + " ");
      line.add(left + "s", left <= 10 ? Style.RED : Style.YELLOW);
      line.add("  [a]pprove [r]eject [R]eject+blacklist");
      if (s.pendingApprovals().size() > 1) {
        line.add("  (+" + (s.pendingApprovals().size() - 1) + " more)");
      }
      return line;
    }
    if (s.trading() == TradingState.BLOCKED || s.trading() == TradingState.PAUSED
        || s.trading() == TradingState.KILLED) {
      return Styled.of(" " + s.trading().name().toLowerCase(Locale.ROOT) + ": " + s.tradingDetail(), Style.YELLOW);
    }
    return Styled.of(" " + s.opportunities() + " opportunities, " + s.executions() + " executions since start", Style.DIM);
  }

  private static Styled footer(EngineSnapshot s, ViewState v) {
    if (v.editingFilter()) {
      return Styled.of(" filter: ", Style.REVERSE).add(" " + v.filter() + "_   Enter keeps it, Esc clears it");
    }
    if (!v.message().isEmpty()) {
      return Styled.of(" " + v.message(), Style.BOLD);
    }
    String pause = s.trading() == TradingState.PAUSED ? "resume" : "pause";
    return Styled.of(" ? help  p " + pause + "  k kill  a/r approve/reject  m mode  / filter  s sort:"
        + v.sort().name().toLowerCase(Locale.ROOT) + "  Tab pane  q quit", Style.DIM);
  }

  private static List<Styled> help(int width, int height) {
    String[] text = {
        "Keys",
        "",
        "?        this help (any key closes it)",
        "p        pause / resume trading",
        "k        kill switch: cancel all orders, stop trading (asks y/N)",
        "a        approve the pending opportunity (manual approval)",
        "r / R    reject it / reject it and blacklist the pair",
        "m        mode: d dry-run, p paper, l live (type LIVE to confirm)",
        "/        filter pairs (Enter keeps, Esc clears)",
        "s        sort pairs: pair, edge, size, status",
        "Tab      choose the pane the arrows scroll",
        "Up/Down  PgUp/PgDn  Home/End  scroll it",
        "q        quit",
    };
    int boxWidth = Math.min(width, 70);
    int inner = Math.max(0, boxWidth - 4);
    List<Styled> box = new ArrayList<>();
    box.add(Styled.of("+" + "-".repeat(Math.max(0, boxWidth - 2)) + "+", Style.TITLE));
    for (String t : text) {
      box.add(new Styled().add("| ", Style.TITLE).add(Styled.fit(t, inner, false), t.equals("Keys") ? Style.BOLD
          : Style.PLAIN).add(" |", Style.TITLE));
    }
    box.add(Styled.of("+" + "-".repeat(Math.max(0, boxWidth - 2)) + "+", Style.TITLE));
    int left = Math.max(0, (width - boxWidth) / 2);
    int top = Math.max(0, (height - box.size()) / 2);
    List<Styled> out = new ArrayList<>(height);
    for (int i = 0; i < height; i++) {
      int b = i - top;
      out.add(b >= 0 && b < box.size() ? new Styled().add(" ".repeat(left)).add(box.get(b)) : new Styled());
    }
    return out;
  }

  // ===========================================================================================
  // Pairs

  /** One column of the pairs table. */
  private record Column(String header, int min, int max, int priority, boolean right,
      Function<PairView, Styled> cell) {}

  private static List<Styled> pairsPane(EngineSnapshot s, ViewState v, int width, int height, boolean wide) {
    List<PairView> pairs = visiblePairs(s, v);
    String filter = v.filter().isEmpty() ? "" : " filter '" + v.filter() + "'";
    Styled title = title("Pairs " + pairs.size() + "/" + s.pairs().size() + filter + " sort "
        + v.sort().name().toLowerCase(Locale.ROOT), v.pane() == Pane.PAIRS, width);
    List<Column> columns = columns(width, wide);
    List<Styled> rows = new ArrayList<>();
    if (height >= 2) {
      Styled head = new Styled();
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        head.cell(c.header(), c.min(), c.right(), Style.BOLD);
        if (i < columns.size() - 1) {
          head.add(" ");
        }
      }
      rows.add(head);
      int from = v.pane() == Pane.PAIRS ? v.scroll() : 0;
      for (PairView p : window(pairs, from, height - 2)) {
        Styled row = new Styled();
        for (int i = 0; i < columns.size(); i++) {
          Column c = columns.get(i);
          row.add(c.cell().apply(p).fitTo(c.min()));
          if (i < columns.size() - 1) {
            row.add(" ");
          }
        }
        rows.add(row);
      }
      if (pairs.isEmpty()) {
        rows.add(Styled.of(s.pairs().isEmpty() ? " no approved pairs" : " no pair matches the filter", Style.DIM));
      }
    }
    return pane(title, rows, height);
  }

  /**
   * The columns that fit in {@code width}, in display order, with their widths in {@code min}:
   * taken by priority while they fit; what is left widens the pair id, then the status.
   */
  private static List<Column> columns(int width, boolean wide) {
    int priceWidth = wide ? 11 : 6;
    List<Column> all = List.of(
        new Column("PAIR", 12, 24, 1, false, p -> Styled.of(p.pairId(), Style.BOLD)),
        new Column(wide ? "KALSHI YES" : "K.YES", priceWidth, priceWidth, 5, true,
            p -> Styled.of(Styled.fit(quote(p.quotes().kalshiYes(), wide), priceWidth, true))),
        new Column(wide ? "KALSHI NO" : "K.NO", priceWidth, priceWidth, 7, true,
            p -> Styled.of(Styled.fit(quote(p.quotes().kalshiNo(), wide), priceWidth, true))),
        new Column(wide ? "POLY YES" : "P.YES", priceWidth, priceWidth, 8, true,
            p -> Styled.of(Styled.fit(quote(p.quotes().polymarketYes(), wide), priceWidth, true))),
        new Column(wide ? "POLY NO" : "P.NO", priceWidth, priceWidth, 6, true,
            p -> Styled.of(Styled.fit(quote(p.quotes().polymarketNo(), wide), priceWidth, true))),
        new Column("EDGE/C", 7, 7, 3, true, p -> edge(p)),
        new Column("SIZE", 6, 6, 4, true,
            p -> Styled.of(Styled.fit(p.quotes().tradableSize().isZero() ? "-" : Fmt.size(p.quotes().tradableSize()),
                6, true))),
        new Column("DIR", 5, 5, 11, false, p -> Styled.of(direction(p.quotes().direction()), Style.DIM)),
        new Column("BOOKS", 5, 5, 10, false, p -> books(p)),
        new Column("STATUS", 20, 1000, 2, false, p -> statusCell(p)));
    List<Column> byPriority = new ArrayList<>(all);
    byPriority.sort(Comparator.comparingInt(Column::priority));
    List<Column> chosen = new ArrayList<>();
    int used = -1;
    for (Column c : byPriority) {
      if (used + 1 + c.min() <= width) {
        chosen.add(c);
        used += 1 + c.min();
      }
    }
    int spare = Math.max(0, width - used);
    List<Column> out = new ArrayList<>();
    for (Column c : all) {
      if (chosen.contains(c)) {
        out.add(c);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      Column c = out.get(i);
      if (c.max() > c.min() && spare > 0) {
        int extra = Math.min(spare, c.header().equals("PAIR") ? c.max() - c.min() : spare);
        spare -= extra;
        out.set(i, new Column(c.header(), c.min() + extra, c.max(), c.priority(), c.right(), c.cell()));
      }
    }
    return out;
  }

  private static String quote(Quote q, boolean bidAndAsk) {
    return bidAndAsk ? Fmt.price(q.bid()) + "/" + Fmt.price(q.ask()) : Fmt.price(q.ask());
  }

  private static Styled edge(PairView p) {
    Money e = p.quotes().edgePerContract();
    Style style = e == null ? Style.DIM : e.isPositive() ? Style.GREEN : e.isNegative() ? Style.RED : Style.PLAIN;
    return Styled.of(Styled.fit(Fmt.edge(e), 7, true), style);
  }

  private static String direction(Direction d) {
    return d == null ? "-" : d == Direction.BUY_KALSHI_YES ? "K.YES" : "K.NO";
  }

  /** Kalshi, Polymarket YES, Polymarket NO book: T trusted, U untrusted, - not followed. */
  private static Styled books(PairView p) {
    String text = integrity(p.kalshiBook()) + integrity(p.polymarketYesBook()) + integrity(p.polymarketNoBook());
    return Styled.of(text, text.equals("TTT") ? Style.GREEN : Style.YELLOW);
  }

  private static String integrity(String book) {
    return book == null || book.equals("NOT_FOLLOWED") ? "-" : book.equals("TRUSTED") ? "T" : "U";
  }

  private static Styled statusCell(PairView p) {
    String text = status(p);
    Style style;
    if (p.status() == PairStatus.SUSPENDED || p.state().startsWith("blocked")) {
      style = Style.RED;
    } else if (p.state().equals("blacklisted") || p.state().startsWith("not loaded")) {
      style = Style.YELLOW;
    } else if (p.opportunity() != null || p.state().equals("in flight") || p.state().equals("awaiting approval")) {
      style = Style.GREEN;
    } else {
      style = Style.PLAIN;
    }
    return Styled.of(text, style);
  }

  /** The pair's status and why: suspended and why, blacklisted until when, ... */
  static String status(PairView p) {
    if (p.status() == PairStatus.SUSPENDED) {
      return "SUSPENDED: " + (p.statusReason() == null ? "" : p.statusReason());
    }
    switch (p.state()) {
      case "blacklisted":
        return "BLACKLISTED until " + Fmt.time(p.blacklistedUntil());
      case "cooldown":
        return "cooldown until " + Fmt.time(p.cooldownUntil());
      case "blocked (unknown orders)":
        return "BLOCKED: " + p.unknownOrders().size() + " order(s) of unknown outcome";
      case "ready":
        return p.opportunity() != null ? "ready: opportunity"
            : "ready: " + (p.lastEvaluation() == null ? "" : p.lastEvaluation());
      default:
        return p.state();
    }
  }

  // ===========================================================================================
  // Executions

  private static List<Styled> activityPane(EngineSnapshot s, ViewState v, int width, int height, boolean wide) {
    Styled title = title("Executions (" + s.opportunities() + " opportunities, " + s.executions() + " executed)",
        v.pane() == Pane.ACTIVITY, width);
    List<Styled> rows = new ArrayList<>();
    for (PendingApproval p : s.pendingApprovals()) {
      long left = Math.max(0, Duration.between(v.clock(), p.expiresAt()).toSeconds());
      rows.add(new Styled().add("PENDING ", Style.CYAN).add(p.pairId() + " " + direction(p.opportunity().direction())
          + " x" + Fmt.size(p.opportunity().size()) + " profit " + Fmt.money(p.opportunity().expectedProfit()) + " "
          + left + "s left (" + p.executionId() + ")"));
    }
    for (ExecutionView e : s.recentExecutions()) {
      rows.add(executionRow(e, wide));
      if (wide) {
        for (LegView leg : e.legs()) {
          rows.add(Styled.of("    " + legText(leg, true), Style.DIM));
        }
      }
    }
    if (rows.isEmpty()) {
      rows.add(Styled.of(" no execution yet", Style.DIM));
    }
    int from = v.pane() == Pane.ACTIVITY ? v.scroll() : 0;
    return pane(title, window(rows, from, height - 1), height);
  }

  private static Styled executionRow(ExecutionView e, boolean wide) {
    Styled row = new Styled().add(Fmt.time(e.started()) + " ");
    row.add(Styled.fit(e.outcome(), 13, false), outcomeStyle(e.outcome()));
    row.add(" " + e.pairId());
    if (e.realizedPnl() != null) {
      row.add(" pnl ").add(Fmt.signed(e.realizedPnl()), e.realizedPnl().isNegative() ? Style.RED : Style.GREEN);
    } else if (e.expectedProfit() != null) {
      row.add(" exp " + Fmt.signed(e.expectedProfit()));
    }
    if (wide) {
      row.add(" " + e.executionId() + " " + e.detail(), Style.DIM);
    } else {
      for (LegView leg : e.legs()) {
        row.add("  " + legText(leg, false));
      }
    }
    return row;
  }

  private static Style outcomeStyle(String outcome) {
    switch (outcome) {
      case "HEDGED":
        return Style.GREEN;
      case "IN_FLIGHT":
        return Style.CYAN;
      case "RESIDUAL_OPEN":
      case "UNKNOWN":
      case "FAILED":
        return Style.ALERT;
      default:
        return Style.YELLOW;
    }
  }

  private static String legText(LegView leg, boolean full) {
    String venue = leg.venue() == VenueId.KALSHI ? "K" : "P";
    String side = leg.side() == Side.BUY ? "buy" : "sell";
    String filled = Fmt.size(leg.filled()) + "/" + Fmt.size(leg.requested());
    String avg = leg.averagePrice() == null ? "" : " avg " + Fmt.price(leg.averagePrice());
    if (!full) {
      return venue + " " + side + " " + leg.outcome() + " " + filled + "@" + Fmt.price(leg.limitPrice());
    }
    return leg.purpose() + " " + leg.venue() + " " + side + " " + leg.outcome() + " " + filled + " @ "
        + Fmt.price(leg.limitPrice()) + avg + " " + leg.result() + " (" + leg.clientOrderId() + ")";
  }

  // ===========================================================================================
  // Positions and balances

  private static List<Styled> positionsPane(EngineSnapshot s, int width, int height) {
    Styled title = title("Positions & balances", false, width);
    List<Styled> rows = new ArrayList<>();
    Styled summary = new Styled().add("P&L today ").add(Fmt.signed(s.realizedPnlToday()),
        s.realizedPnlToday().isNegative() ? Style.RED : Style.PLAIN);
    LedgerSnapshot ledger = s.ledger();
    if (ledger != null) {
      summary.add("  locked ").add(Fmt.signed(ledger.totals().lockedProfit()), Style.GREEN)
          .add("  realised " + Fmt.signed(ledger.totals().realizedPnl()));
    }
    if (s.unconfirmedFills() > 0) {
      summary.add("  unconfirmed " + s.unconfirmedFills() + " (" + Fmt.money(s.unconfirmedNotional()) + ")", Style.YELLOW);
    }
    rows.add(summary);
    Styled balances = new Styled().add("cash ");
    if (s.balances().isEmpty()) {
      balances.add(s.mode() == EngineMode.DRY_RUN ? "none in dry-run" : "not read yet", Style.DIM);
    }
    for (BalanceView b : s.balances()) {
      balances.add((b.venue() == VenueId.KALSHI ? "Kalshi " : "Polymarket ") + Fmt.money(b.available()));
      balances.add(" @" + Fmt.time(b.readAt()) + "  ", Style.DIM);
    }
    rows.add(balances);
    if (ledger == null) {
      rows.add(Styled.of("no ledger in dry-run", Style.DIM));
    } else if (ledger.pairs().isEmpty()) {
      rows.add(Styled.of("no positions", Style.DIM));
    } else {
      for (LedgerSnapshot.PairPosition p : ledger.pairs()) {
        Styled row = new Styled().add(p.pairId(), Style.BOLD).add(" hedged " + Fmt.size(p.hedged()));
        if (!p.residual().isZero()) {
          row.add(" residual " + Fmt.size(p.residual()) + " on " + p.residualSide(), Style.ALERT);
        }
        row.add(" cost " + Fmt.money(p.costBasis().plus(p.openFees())) + " locked ")
            .add(Fmt.signed(p.lockedProfit()), p.lockedProfit().isNegative() ? Style.RED : Style.GREEN);
        if (p.realizedPnl().micros() != 0) {
          row.add(" realised " + Fmt.signed(p.realizedPnl()));
        }
        rows.add(row);
      }
    }
    return pane(title, window(rows, 0, height - 1), height);
  }

  // ===========================================================================================
  // Alerts and log

  private static List<Styled> logPane(EngineSnapshot s, ViewState v, int width, int height) {
    long critical = s.alerts().stream().filter(a -> a.severity() == Severity.CRITICAL).count();
    Styled title = title("Log" + (critical > 0 ? " (critical alerts: " + critical + ")" : ""), v.pane() == Pane.LOG,
        width);
    List<Styled> rows = new ArrayList<>();
    for (LogLine l : s.log()) {
      rows.add(logRow(l));
    }
    if (rows.isEmpty()) {
      rows.add(Styled.of(" nothing logged yet", Style.DIM));
    }
    int from = v.pane() == Pane.LOG ? v.scroll() : 0;
    return pane(title, window(rows, from, height - 1), height);
  }

  private static List<Styled> alertsPane(EngineSnapshot s, int width, int height) {
    Styled title = title("Alerts", false, width);
    List<Styled> rows = new ArrayList<>();
    for (LogLine l : s.alerts()) {
      rows.add(logRow(l));
    }
    if (rows.isEmpty()) {
      rows.add(Styled.of(" no alerts", Style.DIM));
    }
    return pane(title, window(rows, 0, height - 1), height);
  }

  private static Styled logRow(LogLine l) {
    Style style = switch (l.severity()) {
      case CRITICAL -> Style.ALERT;
      case WARNING -> Style.YELLOW;
      default -> Style.DIM;
    };
    return new Styled().add(Fmt.time(l.time()) + " ").add(l.severity().name().substring(0, 1), style)
        .add(" " + (l.pairId() == null ? "" : l.pairId() + ": ") + l.text());
  }
}
