package io.github.crossarb.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crossarb.cli.ExitCodes;
import io.github.crossarb.cli.RootCommand;
import io.github.crossarb.cli.config.Configuration;
import io.github.crossarb.cli.config.Configuration.Entry;
import io.github.crossarb.cli.config.Settings;
import io.github.crossarb.cli.config.Source;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code config}: the effective configuration and where each value came from. */
@Command(
    name = "config",
    description = {
        "Print the effective configuration: each setting's value and its source"
            + " (flag, env, file <path>, default). Secrets print as ***; unset settings as (unset).",
        "Exits 3 if the configuration is invalid."})
public final class ConfigCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNSET = "(unset)";

  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON object keyed by setting: {\"value\": ..., \"source\": ...};"
      + " unset values and their sources are null.")
  private boolean json;

  @Option(names = "--reference", description = "Print the Markdown table of all settings (key, default, secret,"
      + " description) instead, as in the README; needs no valid configuration.")
  private boolean reference;

  @Override
  public Integer call() throws JsonProcessingException {
    if (json && reference) {
      throw new ParameterException(spec.commandLine(), "--json and --reference cannot be combined");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (reference) {
      out.print(Settings.markdownTable());
    } else {
      Configuration configuration = RootCommand.of(spec).configuration();
      out.println(json ? toJson(configuration.entries()) : toTable(configuration.entries()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String toJson(List<Entry> entries) throws JsonProcessingException {
    ObjectNode root = JSON.createObjectNode();
    for (Entry entry : entries) {
      ObjectNode node = root.putObject(entry.key());
      node.put("value", entry.value());
      node.put("source", entry.source() == Source.NONE ? null : entry.source().toString());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static String toTable(List<Entry> entries) {
    int keyWidth = "KEY".length();
    int valueWidth = "VALUE".length();
    for (Entry entry : entries) {
      keyWidth = Math.max(keyWidth, entry.key().length());
      valueWidth = Math.max(valueWidth, shown(entry).length());
    }
    String row = "%-" + keyWidth + "s  %-" + valueWidth + "s  %s";
    StringBuilder table = new StringBuilder(String.format(row, "KEY", "VALUE", "SOURCE"));
    for (Entry entry : entries) {
      table.append(System.lineSeparator()).append(String.format(row, entry.key(), shown(entry), entry.source()));
    }
    return table.toString();
  }

  private static String shown(Entry entry) {
    return entry.value() == null ? UNSET : entry.value();
  }
}
