package vn.ntm.platform.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code Link} header (RFC 8288) of a paged list: {@code first}, {@code prev}, {@code next} and, when the total is
 * exact, {@code last}, each the request's own URI with every other query parameter kept as sent and only
 * {@code page}/{@code after} replaced. {@code next} follows the page's {@code next} cursor (as {@code after}) when
 * there is one, else the next page number; numbered links are left out past {@code lastNumberedPage}, the last page
 * the list accepts as a number.
 *
 * <p>Also the cursor of the lists whose {@code next} is a page position ({@link #positionCursor}): opaque to clients,
 * like the keyset cursor of the task list, so that every list is followed the same way.
 */
public final class PageLinks {
    public static final String HEADER = "Link";
    /** The header's description in the OpenAPI documents. */
    public static final String DESCRIPTION = "RFC 8288 links to the first, prev, next and (when totalExact) last"
            + " pages: the request's URI with its other query parameters kept and page or after replaced; next is"
            + " absent on the last page";
    private static final String POSITION = "page:";

    private PageLinks() {
    }

    /** The facts of one page that its links depend on. */
    public record Page(int page, int size, long total, boolean totalExact, String next) {
        /** The last page's number, when the total says it. */
        long lastPage() {
            return total <= 0 ? 0 : (total - 1) / size;
        }
    }

    /** The header's value for a page of the list answered at {@code request} ({@code first} is always there). */
    public static String header(URI request, Page page, int lastNumberedPage) {
        List<String> links = new ArrayList<>(4);
        if (page.next() != null) {
            links.add(link(with(request, "after", page.next()), "next"));
        }
        if (page.page() > 0 && page.page() - 1 <= lastNumberedPage) {
            // a cursor can reach past the numbered pages: then prev is left out
            links.add(link(with(request, "page", Integer.toString(page.page() - 1)), "prev"));
        }
        links.add(link(with(request, "page", "0"), "first"));
        if (page.totalExact() && page.lastPage() <= lastNumberedPage) {
            links.add(link(with(request, "page", Long.toString(page.lastPage())), "last"));
        }
        return String.join(", ", links);
    }

    /** The opaque {@code next} of a list paged by position: the next page's number. */
    public static String positionCursor(int page) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((POSITION + page).getBytes(StandardCharsets.US_ASCII));
    }

    /** The page a {@link #positionCursor} points to; null when {@code cursor} is not one. */
    public static Integer positionOf(String cursor) {
        if (cursor == null || cursor.length() > 32) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (!text.startsWith(POSITION) || !text.substring(POSITION.length()).matches("0|[1-9][0-9]{0,8}")) {
                return null;
            }
            return Integer.valueOf(text.substring(POSITION.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String link(String uri, String rel) {
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }

    /**
     * The request URI with {@code page} and {@code after} removed and {@code name=value} appended; the other
     * parameters are kept byte for byte (as encoded in the request).
     */
    static String with(URI request, String name, String value) {
        StringBuilder query = new StringBuilder();
        String raw = request.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals("page") || key.equals("after")) {
                    continue;
                }
                query.append(pair).append('&');
            }
        }
        query.append(name).append('=').append(encode(value));
        String base = request.toString();
        int cut = base.indexOf('?');
        int hash = base.indexOf('#');
        if (cut < 0) {
            cut = hash < 0 ? base.length() : hash;
        }
        return base.substring(0, cut) + "?" + query;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
