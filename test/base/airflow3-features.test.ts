import { expect } from 'chai';
import { firstTargetWith, targetHas, withoutJinja } from '../../src/base/airflow3-features';
import { assetAliasNameError, assetAliases, assetExprOf, assetExprText, assetUris } from '../../src/base/asset-condition';
import { resolveTarget } from '../../src/targets';

describe('Airflow 3 features per target', () => {
  it('names the first MWAA target that has each feature, and says which targets have it', () => {
    expect(firstTargetWith('aliasSchedule')).to.equal('3.0.6');
    expect(firstTargetWith('deadline')).to.equal('3.3.1');
    const has = (v: string) => [targetHas(resolveTarget(v), 'aliasSchedule'), targetHas(resolveTarget(v), 'deadline')];
    expect(['2.10.3', '2.11.2', '3.0.6', '3.3.1'].map(has)).to.deep.equal([
      [false, false],
      [false, false],
      [true, false],
      [true, true],
    ]);
    // MWAA Serverless runs Airflow 3.0.6.
    expect(targetHas(resolveTarget('3.0.6', 'mwaa-serverless'), 'deadline')).to.equal(false);
  });

  it('takes alias names of 1-1500 printable ASCII characters, as every target and metadata database stores them', () => {
    expect(assetAliasNameError('clickstream-daily')).to.equal(undefined);
    expect(assetAliasNameError('a'.repeat(1500))).to.equal(undefined);
    expect(assetAliasNameError('a'.repeat(1501))).to.contain('at most 1500');
    expect(assetAliasNameError('')).to.contain('empty');
    expect(assetAliasNameError(' \t')).to.contain('empty');
    expect(assetAliasNameError('t\u00e4glich')).to.contain('U+00E4');
    expect(assetAliasNameError('a\nb')).to.contain('U+000A');
  });

  it('reads an alias node of a condition: no URI of its own, named in the text and the alias list', () => {
    const e = assetExprOf({ anyOf: ['s3://a/x/', { alias: 'daily' }, { allOf: [{ alias: 'daily' }, { alias: 'hourly' }] }] });
    expect(assetUris(e)).to.deep.equal(['s3://a/x/']);
    expect(assetAliases(e)).to.deep.equal(['daily', 'hourly']);
    expect(assetExprText(e)).to.equal('s3://a/x/ | alias daily | (alias daily & alias hourly)');
  });

  it('reads a URI template with its Jinja as plain text, for the checks of the URI around it', () => {
    expect(withoutJinja('s3://b/dt={{ ds }}/{% if x %}y{% endif %}{# c #}')).to.equal('s3://b/dt=x/xyxx');
  });
});
