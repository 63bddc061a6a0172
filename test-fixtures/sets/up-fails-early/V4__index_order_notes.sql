-- never applied (V3 fails first); its 70-byte index name is still found in the text
CREATE INDEX idx_orders_note_for_the_search_of_the_support_team_by_free_text_words ON orders (note);
