import { existsSync } from 'node:fs';

// Firefox's binary, the extension's fixed identity, and the prefs that keep a test Firefox quiet and
// pointed at the local proxy (https-proxy.ts).

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'dm-doctor@dm-doctor.github.io';
/** Fixed so tests can open moz-extension://<uuid>/popup.html (pref extensions.webextensions.uuids). */
export const EXTENSION_UUID = '3f6b0c52-8d1e-4a7b-9c2d-5e4f6a7b8c9d';

/** Prefs that keep Firefox quiet and pointed at the proxy. */
export function firefoxPrefs(proxyPort: number): Record<string, unknown> {
  return {
    // Everything, TikTok and not, goes to the test proxy; it refuses non-TikTok hosts.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks': '',
    // No DNS of our own: no prefetch, no DNS-over-HTTPS, no HTTP/3 (it would bypass an HTTP proxy).
    'network.dns.disablePrefetch': true,
    'network.dns.disablePrefetchFromHTTPS': true,
    'network.trr.mode': 5,
    'network.http.http3.enable': false,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    // Background traffic.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.disabledForTesting': true,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'browser.topsites.contile.enabled': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.ping-centre.telemetry': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'identity.fxaccounts.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    // Honoured only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 on release builds (services-settings/Utils).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.discovery.enabled': false,
    // The extension gets a known moz-extension:// origin.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  };
}

/** The Firefox binary (FIREFOX_PATH or the Debian ESR); one clear error when it is missing. */
export function requireFirefox(): string {
  if (!existsSync(FIREFOX_PATH)) {
    const err = new Error(
      `Firefox not found at ${FIREFOX_PATH}: install it with "apt-get install -y firefox-esr firefox-esr-l10n-fr" or set FIREFOX_PATH`,
    );
    err.stack = err.message; // the message says it all
    throw err;
  }
  return FIREFOX_PATH;
}
