package org.plumly.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void pageSizesAreBounded() {
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PageRequest.first(PageRequest.MAX_SIZE).size()).isEqualTo(500);
    }

    @Test
    void aBlankCursorMeansTheFirstPage() {
        assertThat(PageRequest.after(" ", 10).cursor()).isNull();
    }

    @Test
    void onlyAPageWithACursorHasANextRequest() {
        assertThat(Page.last(List.of(1, 2)).nextRequest(2)).isNull();
        assertThat(new Page<>(List.of(1, 2), "c2").nextRequest(2)).isEqualTo(PageRequest.after("c2", 2));
        assertThat(new Page<>(List.of(1, 2), "c2").map(String::valueOf).items()).containsExactly("1", "2");
    }
}
