package dev.thetaflow.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep merge of configuration trees: sections merge key by key, anything else (a value, a list, an
 * empty value) in the overlay replaces what the base had. Each node keeps the source it came from.
 */
final class TreeMerge {

  private TreeMerge() {}

  static ConfigNode.Mapping merge(ConfigNode.Mapping base, ConfigNode.Mapping overlay) {
    Map<String, ConfigNode> entries = new LinkedHashMap<>(base.entries());
    for (var e : overlay.entries().entrySet()) {
      ConfigNode old = entries.get(e.getKey());
      ConfigNode next = e.getValue();
      if (old instanceof ConfigNode.Mapping a && next instanceof ConfigNode.Mapping b) {
        next = merge(a, b);
      }
      entries.put(e.getKey(), next);
    }
    return new ConfigNode.Mapping(entries, overlay.source());
  }
}
