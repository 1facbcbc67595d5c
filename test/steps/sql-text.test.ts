/**
 * The SQL statement splitter and the Jinja block check decide what dagsmith sends to Redshift and Athena: a split
 * in the wrong place changes the SQL. Edge cases: quotes, comments, dollar quoting, backslashes, Jinja.
 */
import { expect } from 'chai';
import {
  ATHENA,
  jinjaBlocksBalanced,
  jinjaSpanEnd,
  notATemplatePath,
  REDSHIFT,
  splitSqlStatements,
  sqlStringLiteral,
} from '../../src/steps/sql-text';

describe('steps/sql-text', () => {
  describe('splitSqlStatements', () => {
    const split = (text: string) => splitSqlStatements(text, REDSHIFT);

    it('splits at top-level semicolons, trims, and drops the last empty piece', () => {
      expect(split('SELECT 1; SELECT 2;\n')).to.deep.equal(['SELECT 1', 'SELECT 2']);
      expect(split('  SELECT 1  ')).to.deep.equal(['SELECT 1']);
      expect(split('SELECT 1;;;SELECT 2')).to.deep.equal(['SELECT 1', 'SELECT 2']);
    });

    it('has no statement in whitespace, semicolons and comments only', () => {
      expect(split('')).to.deep.equal([]);
      expect(split(' ;\n; ')).to.deep.equal([]);
      expect(split('-- nothing; here\n/* nor; here */ ;')).to.deep.equal([]);
    });

    it('keeps semicolons inside single- and double-quoted text, with doubled quotes', () => {
      expect(split("INSERT INTO t VALUES ('a;b'); SELECT 1")).to.deep.equal(["INSERT INTO t VALUES ('a;b')", 'SELECT 1']);
      expect(split("SELECT 'it''s; fine'; SELECT 2")).to.deep.equal(["SELECT 'it''s; fine'", 'SELECT 2']);
      expect(split('SELECT "odd;name" FROM t; SELECT 2')).to.deep.equal(['SELECT "odd;name" FROM t', 'SELECT 2']);
    });

    it('reads a backslash as an escape in Redshift strings, not in Athena ones', () => {
      expect(splitSqlStatements("SELECT 'a\\'; b'; SELECT 2", REDSHIFT)).to.deep.equal(["SELECT 'a\\'; b'", 'SELECT 2']);
      expect(splitSqlStatements("SELECT 'a\\'; SELECT 2", ATHENA)).to.deep.equal(["SELECT 'a\\'", 'SELECT 2']);
    });

    it('keeps semicolons inside line and block comments (the comments stay in the statement)', () => {
      expect(split('SELECT 1 -- one; two\n; SELECT 2')).to.deep.equal(['SELECT 1 -- one; two', 'SELECT 2']);
      expect(split('SELECT /* a; b */ 1; SELECT 2')).to.deep.equal(['SELECT /* a; b */ 1', 'SELECT 2']);
      expect(split('SELECT 1 /* unclosed; comment')).to.deep.equal(['SELECT 1 /* unclosed; comment']);
    });

    it('keeps dollar-quoted bodies whole, with and without a tag', () => {
      const fn = 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql';
      expect(split(`${fn}; SELECT 2`)).to.deep.equal([fn, 'SELECT 2']);
      const tagged = 'CREATE PROCEDURE p() AS $body$ BEGIN SELECT 1; SELECT $$x$$; END; $body$ LANGUAGE plpgsql';
      expect(split(`${tagged}; CALL p()`)).to.deep.equal([tagged, 'CALL p()']);
    });

    it('does not read $ inside a name or a positional parameter as dollar quoting', () => {
      expect(split('SELECT a$b$c FROM t; SELECT 2')).to.deep.equal(['SELECT a$b$c FROM t', 'SELECT 2']);
      expect(split('SELECT $1; SELECT 2')).to.deep.equal(['SELECT $1', 'SELECT 2']);
    });

    it('never splits inside Jinja, in statements and in quoted text', () => {
      expect(split("SELECT '{{ params.a; }}'; SELECT {{ ';' }}")).to.deep.equal(["SELECT '{{ params.a; }}'", "SELECT {{ ';' }}"]);
      expect(split('{% for t in ["a;b"] %}SELECT 1{% endfor %}; SELECT 2')).to.deep.equal(['{% for t in ["a;b"] %}SELECT 1{% endfor %}', 'SELECT 2']);
    });

    it('a Jinja comment alone is not a statement; a Jinja expression is', () => {
      expect(split('{# just a note; #} ; SELECT 1')).to.deep.equal(['SELECT 1']);
      expect(split('{{ params.sql }}; SELECT 1')).to.deep.equal(['{{ params.sql }}', 'SELECT 1']);
    });
  });

  describe('jinjaSpanEnd', () => {
    it('finds the end of {{ }}, {% %} and {# #} spans, or the end of an unclosed one', () => {
      expect(jinjaSpanEnd('a {{ x }} b', 2)).to.equal(9);
      expect(jinjaSpanEnd('{% if x %}', 0)).to.equal(10);
      expect(jinjaSpanEnd('{# c #}', 0)).to.equal(7);
      expect(jinjaSpanEnd('{{ open', 0)).to.equal(7);
      expect(jinjaSpanEnd('{ x }', 0)).to.equal(0);
    });
  });

  describe('jinjaBlocksBalanced', () => {
    it('accepts statements whose blocks open and close inside them', () => {
      expect(jinjaBlocksBalanced('SELECT 1')).to.equal(true);
      expect(jinjaBlocksBalanced('{% if a %}SELECT 1{% else %}SELECT 2{% endif %}')).to.equal(true);
      expect(jinjaBlocksBalanced('{%- for x in y -%}{{ x }}{%- endfor -%}')).to.equal(true);
      expect(jinjaBlocksBalanced('{% set x = 1 %}SELECT {{ x }}')).to.equal(true);
      expect(jinjaBlocksBalanced('{% set x %}1{% endset %}')).to.equal(true);
    });

    it('refuses a block opened or closed in another statement', () => {
      expect(jinjaBlocksBalanced('{% if a %}SELECT 1')).to.equal(false);
      expect(jinjaBlocksBalanced('SELECT 2{% endif %}')).to.equal(false);
      expect(jinjaBlocksBalanced('{% endfor %}{% for x in y %}')).to.equal(false);
      expect(jinjaBlocksBalanced('{% set x %}1')).to.equal(false);
    });
  });

  describe('sqlStringLiteral', () => {
    it('doubles quotes outside Jinja and keeps Jinja as written', () => {
      expect(sqlStringLiteral("it's")).to.equal("'it''s'");
      expect(sqlStringLiteral("s3://b/{{ ds }}/'x'")).to.equal("'s3://b/{{ ds }}/''x'''");
      expect(sqlStringLiteral("{{ params.get('k') }}")).to.equal("'{{ params.get('k') }}'");
    });
  });

  describe('notATemplatePath', () => {
    it('appends a space to SQL ending in .sql (Airflow would read it as a template file name), and only then', () => {
      expect(notATemplatePath('SELECT * FROM my.sql')).to.equal('SELECT * FROM my.sql ');
      expect(notATemplatePath('SELECT 1')).to.equal('SELECT 1');
    });
  });
});
