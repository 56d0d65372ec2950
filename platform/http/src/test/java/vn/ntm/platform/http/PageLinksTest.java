package vn.ntm.platform.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTest {
    private static final URI LIST = URI.create(
            "http://localhost:8080/tasks?status=OPEN&q=th%C6%B0%E1%BB%A3ng%20c%C6%B0%E1%BB%9Dng&page=2&size=10");

    @Test
    void aMiddlePageLinksEveryNeighbourKeepingTheOtherParametersAsSent() {
        String header = PageLinks.header(LIST, new PageLinks.Page(2, 10, 45, true, "abc"), 1000);

        assertThat(header).isEqualTo(
                "<http://localhost:8080/tasks?status=OPEN&q=th%C6%B0%E1%BB%A3ng%20c%C6%B0%E1%BB%9Dng&size=10&after=abc>;"
                        + " rel=\"next\", "
                        + "<http://localhost:8080/tasks?status=OPEN&q=th%C6%B0%E1%BB%A3ng%20c%C6%B0%E1%BB%9Dng&size=10&page=1>;"
                        + " rel=\"prev\", "
                        + "<http://localhost:8080/tasks?status=OPEN&q=th%C6%B0%E1%BB%A3ng%20c%C6%B0%E1%BB%9Dng&size=10&page=0>;"
                        + " rel=\"first\", "
                        + "<http://localhost:8080/tasks?status=OPEN&q=th%C6%B0%E1%BB%A3ng%20c%C6%B0%E1%BB%9Dng&size=10&page=4>;"
                        + " rel=\"last\"");
    }

    @Test
    void theFirstPageHasNoPrevAndTheLastPageNoNext() {
        URI bare = URI.create("http://h/inspections");

        assertThat(PageLinks.header(bare, new PageLinks.Page(0, 20, 3, true, null), 1000))
                .isEqualTo("<http://h/inspections?page=0>; rel=\"first\", <http://h/inspections?page=0>; rel=\"last\"");
    }

    @Test
    void anEmptyListStillHasAFirstAndLastPage() {
        assertThat(PageLinks.header(URI.create("http://h/x?size=5"), new PageLinks.Page(0, 5, 0, true, null), 10))
                .isEqualTo("<http://h/x?size=5&page=0>; rel=\"first\", <http://h/x?size=5&page=0>; rel=\"last\"");
    }

    @Test
    void aCursorReplacesThePageAndAnInexactTotalGivesNoLast() {
        URI followed = URI.create("http://h/tasks?after=old&size=2");

        String header = PageLinks.header(followed, new PageLinks.Page(3, 2, 10_000, false, "new+/="), 1000);

        assertThat(header).isEqualTo("<http://h/tasks?size=2&after=new%2B%2F%3D>; rel=\"next\", "
                + "<http://h/tasks?size=2&page=2>; rel=\"prev\", <http://h/tasks?size=2&page=0>; rel=\"first\"");
    }

    @Test
    void pagesBeyondTheNumberedWindowAreNotLinkedByNumber() {
        // a cursor reached page 60 of a list numbered up to 49: no prev nor last by number
        String header = PageLinks.header(URI.create("http://h/tasks?after=c"),
                new PageLinks.Page(60, 100, 7000, true, null), 49);

        assertThat(header).isEqualTo("<http://h/tasks?page=0>; rel=\"first\"");
    }

    @Test
    void aPositionCursorIsOpaqueAndReadBack() {
        String cursor = PageLinks.positionCursor(7);

        assertThat(cursor).doesNotContain("7").matches("[A-Za-z0-9_-]+");
        assertThat(PageLinks.positionOf(cursor)).isEqualTo(7);
    }

    @Test
    void anythingElseIsNotAPositionCursor() {
        assertThat(PageLinks.positionOf("not a cursor")).isNull();
        assertThat(PageLinks.positionOf("cGFnZTotMQ")).isNull(); // "page:-1"
        assertThat(PageLinks.positionOf("")).isNull();
        assertThat(PageLinks.positionOf(null)).isNull();
        assertThat(PageLinks.positionOf("x".repeat(100))).isNull();
    }
}
