package org.plumly.connector.csv;

import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.plumly.api.connector.ConnectorConfig;
import org.plumly.api.connector.ConnectorException;

/**
 * The settings of one integration, checked: the folder, the layout, the currency of rows without one,
 * and the columns and file names the admin mapped differently from the layout.
 */
record ExportSettings(String folder, Layout layout, Currency currency, Map<String, String> mappings) {
    static final String FOLDER = "folder";
    static final String LAYOUT = "layout";
    static final String CURRENCY = "currency";
    static final String DEFAULT_LAYOUT = "salesforce";
    static final String DEFAULT_CURRENCY = "USD";

    /** The settings of {@code config}; {@link ConnectorException.Kind#MISCONFIGURED} naming what is wrong. */
    static ExportSettings of(ConnectorConfig config) throws ConnectorException {
        String folder = config.find(FOLDER).map(String::strip)
                .orElseThrow(() -> ConnectorException.misconfigured("setting '" + FOLDER + "' is missing: the folder of the export"));
        String layoutName = config.find(LAYOUT).orElse(DEFAULT_LAYOUT);
        Layout layout = Layout.named(layoutName).orElseThrow(() -> ConnectorException.misconfigured(
                "setting '" + LAYOUT + "' is '" + layoutName + "'; it is salesforce or hubspot"));
        String code = config.find(CURRENCY).orElse(DEFAULT_CURRENCY).strip();
        Currency currency;
        try {
            currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ConnectorException.misconfigured("setting '" + CURRENCY + "' is not an ISO 4217 currency code: " + code);
        }
        Set<String> known = mappingSettings();
        Map<String, String> mappings = new TreeMap<>();
        for (Map.Entry<String, String> setting : config.values().entrySet()) {
            if (setting.getKey().startsWith("mapping.") && !setting.getValue().isBlank()) {
                if (!known.contains(setting.getKey())) {
                    throw ConnectorException.misconfigured("there is no setting '" + setting.getKey() + "'");
                }
                mappings.put(setting.getKey(), setting.getValue().strip());
            }
        }
        return new ExportSettings(folder, layout, currency, Map.copyOf(mappings));
    }

    /** Every {@code mapping.…} setting there is: a column per field and a file name per source. */
    static Set<String> mappingSettings() {
        Set<String> keys = new HashSet<>();
        for (Field field : Field.values()) {
            keys.add(field.setting());
        }
        for (Source source : Source.values()) {
            keys.add(source.fileSetting());
        }
        return keys;
    }

    /** The name of the file of {@code source} in the folder; empty when the layout has none. */
    Optional<String> fileName(Source source) {
        return Optional.ofNullable(layout.files().get(source)).map(name -> mappings.getOrDefault(source.fileSetting(), name));
    }

    /** The header the admin mapped {@code field} to, if any. */
    Optional<String> mappedHeader(Field field) {
        return Optional.ofNullable(mappings.get(field.setting()));
    }

    /**
     * What the records of a file depend on besides its bytes: a read under other settings is not the
     * same read, even of an unchanged file.
     */
    String fingerprint() {
        return layout.key() + "," + currency.getCurrencyCode() + "," + Integer.toHexString(new TreeMap<>(mappings).toString().hashCode());
    }
}
