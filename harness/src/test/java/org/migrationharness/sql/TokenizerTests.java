package org.migrationharness.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("sql: the tokenizer")
class TokenizerTests {

    private static List<TokenKind> kinds(String sql) {
        return Tokenizer.tokenize(sql).stream().map(Token::kind).toList();
    }

    private static List<String> texts(String sql) {
        return Tokenizer.tokenize(sql).stream().map(Token::text).toList();
    }

    @Test
    void should_give_each_token_its_kind_text_offset_and_line() {
        assertThat(Tokenizer.tokenize("SELECT a,\n  (1.5) ;"))
                .extracting(Token::kind, Token::text, Token::offset, Token::line)
                .containsExactly(tuple(TokenKind.WORD, "SELECT", 0, 1), tuple(TokenKind.WORD, "a", 7, 1),
                        tuple(TokenKind.OPERATOR, ",", 8, 1), tuple(TokenKind.OPEN_PAREN, "(", 12, 2),
                        tuple(TokenKind.NUMBER, "1.5", 13, 2), tuple(TokenKind.CLOSE_PAREN, ")", 16, 2),
                        tuple(TokenKind.SEMICOLON, ";", 18, 2));
    }

    @Test
    void should_read_single_quoted_strings_with_doubled_quotes() {
        assertThat(texts("'it''s; fine' x")).containsExactly("'it''s; fine'", "x");
        assertThat(kinds("'it''s; fine' x")).containsExactly(TokenKind.STRING, TokenKind.WORD);
    }

    @Test
    void should_not_treat_a_backslash_as_an_escape_in_a_standard_string() {
        assertThat(texts("'a\\' ; 'b'")).containsExactly("'a\\'", ";", "'b'");
    }

    @Test
    void should_read_backslash_escapes_in_e_strings_including_escaped_quotes_and_newlines() {
        List<Token> tokens = Tokenizer.tokenize("E'it\\'s; \\\\' e'a\\\nb''c' after\nlast");
        assertThat(tokens).extracting(Token::text)
                .containsExactly("E'it\\'s; \\\\'", "e'a\\\nb''c'", "after", "last");
        assertThat(tokens).extracting(Token::line).containsExactly(1, 1, 2, 3);
    }

    @Test
    void should_count_the_line_after_an_e_string_with_an_escaped_newline_once() {
        List<Token> tokens = Tokenizer.tokenize("SELECT E'one\\\ntwo\\\nthree';\nSELECT 2;");
        assertThat(tokens.get(tokens.size() - 3)).extracting(Token::text, Token::line).containsExactly("SELECT", 4);
    }

    @Test
    void should_read_bit_hex_national_and_unicode_string_constants() {
        assertThat(Tokenizer.tokenize("B'01' x'ff' N'n;' U&'\\0061' UESCAPE '!' ab'c'"))
                .extracting(Token::kind, Token::text)
                .containsExactly(tuple(TokenKind.STRING, "B'01'"), tuple(TokenKind.STRING, "x'ff'"),
                        tuple(TokenKind.STRING, "N'n;'"), tuple(TokenKind.STRING, "U&'\\0061' UESCAPE '!'"),
                        tuple(TokenKind.WORD, "ab"), tuple(TokenKind.STRING, "'c'"));
    }

    @Test
    void should_read_quoted_identifiers_with_doubled_quotes_and_unicode_escapes() {
        List<Token> tokens = Tokenizer.tokenize("\"say \"\"hi\"\";\" U&\"d\\0061t\\+000061\" u&\"d!0061ta\"\n UESCAPE\n '!' x");
        assertThat(tokens).extracting(Token::kind).containsExactly(TokenKind.QUOTED_IDENTIFIER,
                TokenKind.QUOTED_IDENTIFIER, TokenKind.QUOTED_IDENTIFIER, TokenKind.WORD);
        assertThat(tokens).extracting(Token::identifier).containsExactly("say \"hi\";", "data", "data", "x");
        assertThat(tokens.get(3).line()).isEqualTo(3);
    }

    @Test
    void should_fold_unquoted_words_and_allow_dollars_after_the_first_character() {
        assertThat(Tokenizer.tokenize("Shop.UserPrefs a$b$")).extracting(Token::identifier)
                .containsExactly("shop", null, "userprefs", "a$b$");
    }

    @Test
    void should_read_dollar_quotes_with_and_without_tags() {
        List<Token> tokens = Tokenizer.tokenize("$$a;\n$b$$ $fn$ $$; $x$ $fn$ $_1$;$_1$ z");
        assertThat(tokens).extracting(Token::kind, Token::text).containsExactly(
                tuple(TokenKind.DOLLAR_STRING, "$$a;\n$b$$"), tuple(TokenKind.DOLLAR_STRING, "$fn$ $$; $x$ $fn$"),
                tuple(TokenKind.DOLLAR_STRING, "$_1$;$_1$"), tuple(TokenKind.WORD, "z"));
        assertThat(tokens.get(3).line()).isEqualTo(2);
    }

    @Test
    void should_read_a_dollar_followed_by_digits_as_a_parameter_not_a_dollar_quote() {
        assertThat(Tokenizer.tokenize("$1 + $23; $$x$$")).extracting(Token::kind).containsExactly(
                TokenKind.PARAMETER, TokenKind.OPERATOR, TokenKind.PARAMETER, TokenKind.SEMICOLON,
                TokenKind.DOLLAR_STRING);
    }

    @Test
    void should_read_line_comments_and_nested_block_comments() {
        List<Token> tokens = Tokenizer.tokenize("a -- one; 'two\n/* x /* y; */ z; */ b--c\nd");
        assertThat(tokens).extracting(Token::kind, Token::text).containsExactly(tuple(TokenKind.WORD, "a"),
                tuple(TokenKind.LINE_COMMENT, "-- one; 'two"), tuple(TokenKind.BLOCK_COMMENT, "/* x /* y; */ z; */"),
                tuple(TokenKind.WORD, "b"), tuple(TokenKind.LINE_COMMENT, "--c"), tuple(TokenKind.WORD, "d"));
        assertThat(tokens.get(5).line()).isEqualTo(3);
    }

    @Test
    void should_stop_an_operator_where_a_comment_starts() {
        assertThat(texts("a <=-- c\n b +/* d */ c::int")).containsExactly("a", "<=", "-- c", "b", "+", "/* d */",
                "c", "::", "int");
    }

    @Test
    void should_run_unterminated_constructs_to_the_end_of_the_script() {
        assertThat(texts("SELECT 'open; x")).containsExactly("SELECT", "'open; x");
        assertThat(texts("SELECT $$ open; x")).containsExactly("SELECT", "$$ open; x");
        assertThat(texts("SELECT /* open /* */ x")).containsExactly("SELECT", "/* open /* */ x");
    }

    @Test
    void should_treat_null_as_an_empty_script() {
        assertThat(Tokenizer.tokenize(null)).isEmpty();
    }
}
