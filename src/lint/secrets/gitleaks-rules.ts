/**
 * Secret patterns vendored from gitleaks (https://github.com/gitleaks/gitleaks), config/gitleaks.toml
 * at v8.30.0-27-gb58d3f10 (commit b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b), by scripts/vendor-gitleaks.ts. Do not edit: run the script again.
 *
 * gitleaks is MIT licensed:
 *
 *   MIT License
 *
 *   Copyright (c) 2019 Zachary Rice
 *
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
 *   documentation files (the "Software"), to deal in the Software without restriction, including without limitation
 *   the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
 *   to permit persons to whom the Software is furnished to do so, subject to the following conditions:
 *
 *   The above copyright notice and this permission notice shall be included in all copies or substantial portions
 *   of the Software.
 *
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
 *   THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 *   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
 *   CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 *   DEALINGS IN THE SOFTWARE.
 *
 * 176 rules kept; 46 left out:
 *   adobe-client-secret: inline flag group
 *   airtable-personnal-access-token: POSIX class
 *   alibaba-access-key-id: inline flag group
 *   atlassian-api-token: inline flag group
 *   authress-service-client-access-key: inline flag group
 *   cisco-meraki-api-key: inline flag group
 *   cohere-api-token: inline flag group
 *   curl-auth-header: inline flag group
 *   curl-auth-user: \z
 *   doppler-api-token: inline flag group
 *   duffel-api-token: inline flag group
 *   dynatrace-api-token: inline flag group
 *   easypost-api-token: inline flag group
 *   easypost-test-api-token: inline flag group
 *   etsy-access-token: inline flag group
 *   facebook-page-access-token: inline flag group
 *   flutterwave-encryption-key: inline flag group
 *   flutterwave-public-key: inline flag group
 *   flutterwave-secret-key: inline flag group
 *   frameio-api-token: inline flag group
 *   freemius-secret-key: limited to file paths dagsmith does not read
 *   generic-api-key: a keyword=value heuristic (DS447 covers it)
 *   gocardless-api-token: inline flag group
 *   hashicorp-tf-api-token: inline flag group
 *   hashicorp-tf-password: limited to file paths dagsmith does not read
 *   huggingface-access-token: inline flag group
 *   huggingface-organization-api-token: inline flag group
 *   intra42-client-secret: inline flag group
 *   jwt-base64: named group (?P<...>)
 *   kubernetes-secret-yaml: limited to file paths dagsmith does not read
 *   linear-api-key: inline flag group
 *   nuget-config-password: limited to file paths dagsmith does not read
 *   okta-access-token: inline flag group
 *   openshift-user-token: \z
 *   pkcs12-file: matches file paths only
 *   planetscale-api-token: inline flag group
 *   planetscale-password: inline flag group
 *   postman-api-token: inline flag group
 *   privateai-api-token: inline flag group
 *   sendgrid-api-token: inline flag group
 *   sendinblue-api-token: inline flag group
 *   sentry-org-token: \z
 *   sumologic-access-id: inline flag group
 *   sumologic-access-token: inline flag group
 *   telegram-bot-api-token: inline flag group
 *   vault-service-token: inline flag group
 */
import type { VendoredSecretRule } from './types';

export const GITLEAKS_VERSION = 'v8.30.0-27-gb58d3f10';
export const GITLEAKS_COMMIT = 'b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b';

export const GITLEAKS_RULES: readonly VendoredSecretRule[] = [
  {
    id: '1password-secret-key',
    description: 'Uncovered a possible 1Password secret key, potentially compromising access to secrets in vaults.',
    source: '\\bA3-[A-Z0-9]{6}-(?:(?:[A-Z0-9]{11})|(?:[A-Z0-9]{6}-[A-Z0-9]{5}))-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\\b',
    flags: '',
    entropy: 3.8,
    keywords: ['a3-'],
    allow: [],
  },
  {
    id: '1password-service-account-token',
    description: 'Uncovered a possible 1Password service account token, potentially compromising access to secrets in vaults.',
    source: 'ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}',
    flags: '',
    entropy: 4,
    keywords: ['ops_'],
    allow: [],
  },
  {
    id: 'adafruit-api-key',
    description: 'Identified a potential Adafruit API Key, which could lead to unauthorized access to Adafruit services and sensitive data exposure.',
    source:
      '[\\w.-]{0,50}?(?:adafruit)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9_-]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['adafruit'],
    allow: [],
  },
  {
    id: 'adobe-client-id',
    description: 'Detected a pattern that resembles an Adobe OAuth Web Client ID, posing a risk of compromised Adobe integrations and data breaches.',
    source:
      '[\\w.-]{0,50}?(?:adobe)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['adobe'],
    allow: [],
  },
  {
    id: 'age-secret-key',
    description: 'Discovered a potential Age encryption tool secret key, risking data decryption and unauthorized access to sensitive information.',
    source: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
    flags: '',
    keywords: ['age-secret-key-1'],
    allow: [],
  },
  {
    id: 'airtable-api-key',
    description: 'Uncovered a possible Airtable API Key, potentially compromising database access and leading to data leakage or alteration.',
    source:
      '[\\w.-]{0,50}?(?:airtable)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{17})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['airtable'],
    allow: [],
  },
  {
    id: 'algolia-api-key',
    description:
      'Identified an Algolia API Key, which could result in unauthorized search operations and data exposure on Algolia-managed platforms.',
    source:
      '[\\w.-]{0,50}?(?:algolia)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['algolia'],
    allow: [],
  },
  {
    id: 'alibaba-secret-key',
    description:
      'Discovered a potential Alibaba Cloud Secret Key, potentially allowing unauthorized operations and data access within Alibaba Cloud.',
    source:
      '[\\w.-]{0,50}?(?:alibaba)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{30})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['alibaba'],
    allow: [],
  },
  {
    id: 'anthropic-admin-api-key',
    description:
      'Detected an Anthropic Admin API Key, risking unauthorized access to administrative functions and sensitive AI model configurations.',
    source: '\\b(sk-ant-admin01-[a-zA-Z0-9_\\-]{93}AA)(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    keywords: ['sk-ant-admin01'],
    allow: [],
  },
  {
    id: 'anthropic-api-key',
    description: 'Identified an Anthropic API Key, which may compromise AI assistant integrations and expose sensitive data to unauthorized access.',
    source: '\\b(sk-ant-api03-[a-zA-Z0-9_\\-]{93}AA)(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    keywords: ['sk-ant-api03'],
    allow: [],
  },
  {
    id: 'artifactory-api-key',
    description: 'Detected an Artifactory api key, posing a risk unauthorized access to the central repository.',
    source: '\\bAKCp[A-Za-z0-9]{69}\\b',
    flags: '',
    entropy: 4.5,
    keywords: ['akcp'],
    allow: [],
  },
  {
    id: 'artifactory-reference-token',
    description: 'Detected an Artifactory reference token, posing a risk of impersonation and unauthorized access to the central repository.',
    source: '\\bcmVmd[A-Za-z0-9]{59}\\b',
    flags: '',
    entropy: 4.5,
    keywords: ['cmvmd'],
    allow: [],
  },
  {
    id: 'asana-client-id',
    description: 'Discovered a potential Asana Client ID, risking unauthorized access to Asana projects and sensitive task information.',
    source:
      '[\\w.-]{0,50}?(?:asana)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9]{16})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['asana'],
    allow: [],
  },
  {
    id: 'asana-client-secret',
    description: 'Identified an Asana Client Secret, which could lead to compromised project management integrity and unauthorized access.',
    source:
      '[\\w.-]{0,50}?(?:asana)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['asana'],
    allow: [],
  },
  {
    id: 'aws-access-token',
    description:
      'Identified a pattern that may indicate AWS credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.',
    source: '\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b',
    flags: '',
    entropy: 3,
    keywords: ['a3t', 'akia', 'asia', 'abia', 'acca'],
    allow: [{ source: '.+EXAMPLE$', flags: '' }],
  },
  {
    id: 'aws-amazon-bedrock-api-key-long-lived',
    description: 'Identified a pattern that may indicate long-lived Amazon Bedrock API keys, risking unauthorized Amazon Bedrock usage',
    source: '\\b(ABSK[A-Za-z0-9+/]{109,269}={0,2})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['absk'],
    allow: [],
  },
  {
    id: 'aws-amazon-bedrock-api-key-short-lived',
    description: 'Identified a pattern that may indicate short-lived Amazon Bedrock API keys, risking unauthorized Amazon Bedrock usage',
    source: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t',
    flags: '',
    entropy: 3,
    keywords: ['bedrock-api-key-'],
    allow: [],
  },
  {
    id: 'azure-ad-client-secret',
    description: 'Azure AD Client Secret',
    source: '(?:^|[\\\\\'"\\x60\\s>=:(,)])([a-zA-Z0-9_~.]{3}\\dQ~[a-zA-Z0-9_~.-]{31,34})(?:$|[\\\\\'"\\x60\\s<),])',
    flags: '',
    entropy: 3,
    keywords: ['q~'],
    allow: [],
  },
  {
    id: 'beamer-api-token',
    description: 'Detected a Beamer API token, potentially compromising content management and exposing sensitive notifications and updates.',
    source:
      '[\\w.-]{0,50}?(?:beamer)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(b_[a-z0-9=_\\-]{44})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['beamer'],
    allow: [],
  },
  {
    id: 'bitbucket-client-id',
    description: 'Discovered a potential Bitbucket Client ID, risking unauthorized repository access and potential codebase exposure.',
    source:
      '[\\w.-]{0,50}?(?:bitbucket)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['bitbucket'],
    allow: [],
  },
  {
    id: 'bitbucket-client-secret',
    description: 'Discovered a potential Bitbucket Client Secret, posing a risk of compromised code repositories and unauthorized access.',
    source:
      '[\\w.-]{0,50}?(?:bitbucket)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['bitbucket'],
    allow: [],
  },
  {
    id: 'bittrex-access-key',
    description: 'Identified a Bittrex Access Key, which could lead to unauthorized access to cryptocurrency trading accounts and financial loss.',
    source:
      '[\\w.-]{0,50}?(?:bittrex)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['bittrex'],
    allow: [],
  },
  {
    id: 'bittrex-secret-key',
    description: 'Detected a Bittrex Secret Key, potentially compromising cryptocurrency transactions and financial security.',
    source:
      '[\\w.-]{0,50}?(?:bittrex)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['bittrex'],
    allow: [],
  },
  {
    id: 'clickhouse-cloud-api-secret-key',
    description:
      'Identified a pattern that may indicate clickhouse cloud API secret key, risking unauthorized clickhouse cloud api access and data breaches on ClickHouse Cloud platforms.',
    source: '\\b(4b1d[A-Za-z0-9]{38})\\b',
    flags: '',
    entropy: 3,
    keywords: ['4b1d'],
    allow: [],
  },
  {
    id: 'clojars-api-token',
    description: 'Uncovered a possible Clojars API token, risking unauthorized access to Clojure libraries and potential code manipulation.',
    source: 'CLOJARS_[a-z0-9]{60}',
    flags: 'i',
    entropy: 2,
    keywords: ['clojars_'],
    allow: [],
  },
  {
    id: 'cloudflare-api-key',
    description: 'Detected a Cloudflare API Key, potentially compromising cloud application deployments and operational security.',
    source:
      '[\\w.-]{0,50}?(?:cloudflare)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9_-]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['cloudflare'],
    allow: [],
  },
  {
    id: 'cloudflare-global-api-key',
    description: 'Detected a Cloudflare Global API Key, potentially compromising cloud application deployments and operational security.',
    source:
      '[\\w.-]{0,50}?(?:cloudflare)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{37})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['cloudflare'],
    allow: [],
  },
  {
    id: 'cloudflare-origin-ca-key',
    description: 'Detected a Cloudflare Origin CA Key, potentially compromising cloud application deployments and operational security.',
    source: '\\b(v1\\.0-[a-f0-9]{24}-[a-f0-9]{146})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['cloudflare', 'v1.0-'],
    allow: [],
  },
  {
    id: 'codecov-access-token',
    description:
      'Found a pattern resembling a Codecov Access Token, posing a risk of unauthorized access to code coverage reports and sensitive data.',
    source:
      '[\\w.-]{0,50}?(?:codecov)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['codecov'],
    allow: [],
  },
  {
    id: 'coinbase-access-token',
    description: 'Detected a Coinbase Access Token, posing a risk of unauthorized access to cryptocurrency accounts and financial transactions.',
    source:
      '[\\w.-]{0,50}?(?:coinbase)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9_-]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['coinbase'],
    allow: [],
  },
  {
    id: 'confluent-access-token',
    description: 'Identified a Confluent Access Token, which could compromise access to streaming data platforms and sensitive data flow.',
    source:
      '[\\w.-]{0,50}?(?:confluent)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{16})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['confluent'],
    allow: [],
  },
  {
    id: 'confluent-secret-key',
    description: 'Found a Confluent Secret Key, potentially risking unauthorized operations and data access within Confluent services.',
    source:
      '[\\w.-]{0,50}?(?:confluent)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['confluent'],
    allow: [],
  },
  {
    id: 'contentful-delivery-api-token',
    description: 'Discovered a Contentful delivery API token, posing a risk to content management systems and data integrity.',
    source:
      '[\\w.-]{0,50}?(?:contentful)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{43})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['contentful'],
    allow: [],
  },
  {
    id: 'databricks-api-token',
    description: 'Uncovered a Databricks API token, which may compromise big data analytics platforms and sensitive data processing.',
    source: '\\b(dapi[a-f0-9]{32}(?:-\\d)?)(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['dapi'],
    allow: [],
  },
  {
    id: 'datadog-access-token',
    description: 'Detected a Datadog Access Token, potentially risking monitoring and analytics data exposure and manipulation.',
    source:
      '[\\w.-]{0,50}?(?:datadog)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['datadog'],
    allow: [],
  },
  {
    id: 'defined-networking-api-token',
    description: 'Identified a Defined Networking API token, which could lead to unauthorized network operations and data breaches.',
    source:
      '[\\w.-]{0,50}?(?:dnkey)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(dnkey-[a-z0-9=_\\-]{26}-[a-z0-9=_\\-]{52})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['dnkey'],
    allow: [],
  },
  {
    id: 'digitalocean-access-token',
    description: 'Found a DigitalOcean OAuth Access Token, risking unauthorized cloud resource access and data compromise.',
    source: '\\b(doo_v1_[a-f0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['doo_v1_'],
    allow: [],
  },
  {
    id: 'digitalocean-pat',
    description: 'Discovered a DigitalOcean Personal Access Token, posing a threat to cloud infrastructure security and data privacy.',
    source: '\\b(dop_v1_[a-f0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['dop_v1_'],
    allow: [],
  },
  {
    id: 'digitalocean-refresh-token',
    description: 'Uncovered a DigitalOcean OAuth Refresh Token, which could allow prolonged unauthorized access and resource manipulation.',
    source: '\\b(dor_v1_[a-f0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['dor_v1_'],
    allow: [],
  },
  {
    id: 'discord-api-token',
    description: 'Detected a Discord API key, potentially compromising communication channels and user data privacy on Discord.',
    source:
      '[\\w.-]{0,50}?(?:discord)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['discord'],
    allow: [],
  },
  {
    id: 'discord-client-id',
    description: 'Identified a Discord client ID, which may lead to unauthorized integrations and data exposure in Discord applications.',
    source:
      '[\\w.-]{0,50}?(?:discord)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9]{18})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['discord'],
    allow: [],
  },
  {
    id: 'discord-client-secret',
    description: 'Discovered a potential Discord client secret, risking compromised Discord bot integrations and data leaks.',
    source:
      '[\\w.-]{0,50}?(?:discord)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['discord'],
    allow: [],
  },
  {
    id: 'droneci-access-token',
    description: 'Detected a Droneci Access Token, potentially compromising continuous integration and deployment workflows.',
    source:
      '[\\w.-]{0,50}?(?:droneci)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['droneci'],
    allow: [],
  },
  {
    id: 'dropbox-api-token',
    description: 'Identified a Dropbox API secret, which could lead to unauthorized file access and data breaches in Dropbox storage.',
    source:
      '[\\w.-]{0,50}?(?:dropbox)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{15})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['dropbox'],
    allow: [],
  },
  {
    id: 'dropbox-long-lived-api-token',
    description: 'Found a Dropbox long-lived API token, risking prolonged unauthorized access to cloud storage and sensitive data.',
    source:
      '[\\w.-]{0,50}?(?:dropbox)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{11}(AAAAAAAAAA)[a-z0-9\\-_=]{43})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['dropbox'],
    allow: [],
  },
  {
    id: 'dropbox-short-lived-api-token',
    description: 'Discovered a Dropbox short-lived API token, posing a risk of temporary but potentially harmful data access and manipulation.',
    source:
      '[\\w.-]{0,50}?(?:dropbox)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(sl\\.[a-z0-9\\-=_]{135})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['dropbox'],
    allow: [],
  },
  {
    id: 'facebook-access-token',
    description: 'Discovered a Facebook Access Token, posing a risk of unauthorized access to Facebook accounts and personal data exposure.',
    source: '\\b(\\d{15,16}(\\||%)[0-9a-z\\-_]{27,40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3,
    keywords: ['facebook'],
    allow: [],
  },
  {
    id: 'facebook-secret',
    description: 'Discovered a Facebook Application secret, posing a risk of unauthorized access to Facebook accounts and personal data exposure.',
    source:
      '[\\w.-]{0,50}?(?:facebook)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3,
    keywords: ['facebook'],
    allow: [],
  },
  {
    id: 'fastly-api-token',
    description: 'Uncovered a Fastly API key, which may compromise CDN and edge cloud services, leading to content delivery and security issues.',
    source:
      '[\\w.-]{0,50}?(?:fastly)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['fastly'],
    allow: [],
  },
  {
    id: 'finicity-api-token',
    description: 'Detected a Finicity API token, potentially risking financial data access and unauthorized financial operations.',
    source:
      '[\\w.-]{0,50}?(?:finicity)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['finicity'],
    allow: [],
  },
  {
    id: 'finicity-client-secret',
    description: 'Identified a Finicity Client Secret, which could lead to compromised financial service integrations and data breaches.',
    source:
      '[\\w.-]{0,50}?(?:finicity)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{20})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['finicity'],
    allow: [],
  },
  {
    id: 'finnhub-access-token',
    description: 'Found a Finnhub Access Token, risking unauthorized access to financial market data and analytics.',
    source:
      '[\\w.-]{0,50}?(?:finnhub)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{20})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['finnhub'],
    allow: [],
  },
  {
    id: 'flickr-access-token',
    description: 'Discovered a Flickr Access Token, posing a risk of unauthorized photo management and potential data leakage.',
    source:
      '[\\w.-]{0,50}?(?:flickr)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['flickr'],
    allow: [],
  },
  {
    id: 'flyio-access-token',
    description: 'Uncovered a Fly.io API key',
    source: '\\b((?:fo1_[\\w-]{43}|fm1[ar]_[a-zA-Z0-9+\\/]{100,}={0,3}|fm2_[a-zA-Z0-9+\\/]{100,}={0,3}))(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 4,
    keywords: ['fo1_', 'fm1', 'fm2_'],
    allow: [],
  },
  {
    id: 'freshbooks-access-token',
    description: 'Discovered a Freshbooks Access Token, posing a risk to accounting software access and sensitive financial data exposure.',
    source:
      '[\\w.-]{0,50}?(?:freshbooks)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['freshbooks'],
    allow: [],
  },
  {
    id: 'gcp-api-key',
    description: 'Uncovered a GCP API key, which could lead to unauthorized access to Google Cloud services and data breaches.',
    source: '\\b(AIza[\\w-]{35})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 4,
    keywords: ['aiza'],
    allow: [
      { source: 'AIzaSyabcdefghijklmnopqrstuvwxyz1234567', flags: '' },
      { source: 'AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs', flags: '' },
      { source: 'AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM', flags: '' },
      { source: 'AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU', flags: '' },
      { source: 'AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0', flags: '' },
      { source: 'AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A', flags: '' },
      { source: 'AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c', flags: '' },
      { source: 'AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4', flags: '' },
      { source: 'AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY', flags: '' },
      { source: 'AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM', flags: '' },
      { source: 'AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ', flags: '' },
      { source: 'AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g', flags: '' },
      { source: 'AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU', flags: '' },
      { source: 'AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw', flags: '' },
      { source: 'AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE', flags: '' },
      { source: 'AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY', flags: '' },
    ],
  },
  {
    id: 'github-app-token',
    description: 'Identified a GitHub App Token, which may compromise GitHub application integrations and source code security.',
    source: '(?:ghu|ghs)_[0-9a-zA-Z]{36}',
    flags: '',
    entropy: 3,
    keywords: ['ghu_', 'ghs_'],
    allow: [],
  },
  {
    id: 'github-fine-grained-pat',
    description: 'Found a GitHub Fine-Grained Personal Access Token, risking unauthorized repository access and code manipulation.',
    source: 'github_pat_\\w{82}',
    flags: '',
    entropy: 3,
    keywords: ['github_pat_'],
    allow: [],
  },
  {
    id: 'github-oauth',
    description: 'Discovered a GitHub OAuth Access Token, posing a risk of compromised GitHub account integrations and data leaks.',
    source: 'gho_[0-9a-zA-Z]{36}',
    flags: '',
    entropy: 3,
    keywords: ['gho_'],
    allow: [],
  },
  {
    id: 'github-pat',
    description: 'Uncovered a GitHub Personal Access Token, potentially leading to unauthorized repository access and sensitive content exposure.',
    source: 'ghp_[0-9a-zA-Z]{36}',
    flags: '',
    entropy: 3,
    keywords: ['ghp_'],
    allow: [],
  },
  {
    id: 'github-refresh-token',
    description: 'Detected a GitHub Refresh Token, which could allow prolonged unauthorized access to GitHub services.',
    source: 'ghr_[0-9a-zA-Z]{36}',
    flags: '',
    entropy: 3,
    keywords: ['ghr_'],
    allow: [],
  },
  {
    id: 'gitlab-cicd-job-token',
    description: 'Identified a GitLab CI/CD Job Token, potential access to projects and some APIs on behalf of a user while the CI job is running.',
    source: 'glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['glcbt-'],
    allow: [],
  },
  {
    id: 'gitlab-deploy-token',
    description: 'Identified a GitLab Deploy Token, risking access to repositories, packages and containers with write access.',
    source: 'gldt-[0-9a-zA-Z_\\-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['gldt-'],
    allow: [],
  },
  {
    id: 'gitlab-feature-flag-client-token',
    description: 'Identified a GitLab feature flag client token, risks exposing user lists and features flags used by an application.',
    source: 'glffct-[0-9a-zA-Z_\\-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['glffct-'],
    allow: [],
  },
  {
    id: 'gitlab-feed-token',
    description: 'Identified a GitLab feed token, risking exposure of user data.',
    source: 'glft-[0-9a-zA-Z_\\-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['glft-'],
    allow: [],
  },
  {
    id: 'gitlab-incoming-mail-token',
    description: 'Identified a GitLab incoming mail token, risking manipulation of data sent by mail.',
    source: 'glimt-[0-9a-zA-Z_\\-]{25}',
    flags: '',
    entropy: 3,
    keywords: ['glimt-'],
    allow: [],
  },
  {
    id: 'gitlab-kubernetes-agent-token',
    description: 'Identified a GitLab Kubernetes Agent token, risking access to repos and registry of projects connected via agent.',
    source: 'glagent-[0-9a-zA-Z_\\-]{50}',
    flags: '',
    entropy: 3,
    keywords: ['glagent-'],
    allow: [],
  },
  {
    id: 'gitlab-oauth-app-secret',
    description: 'Identified a GitLab OIDC Application Secret, risking access to apps using GitLab as authentication provider.',
    source: 'gloas-[0-9a-zA-Z_\\-]{64}',
    flags: '',
    entropy: 3,
    keywords: ['gloas-'],
    allow: [],
  },
  {
    id: 'gitlab-pat',
    description: 'Identified a GitLab Personal Access Token, risking unauthorized access to GitLab repositories and codebase exposure.',
    source: 'glpat-[\\w-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['glpat-'],
    allow: [],
  },
  {
    id: 'gitlab-pat-routable',
    description: 'Identified a GitLab Personal Access Token (routable), risking unauthorized access to GitLab repositories and codebase exposure.',
    source: '\\bglpat-[0-9a-zA-Z_-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}\\b',
    flags: '',
    entropy: 4,
    keywords: ['glpat-'],
    allow: [],
  },
  {
    id: 'gitlab-ptt',
    description: 'Found a GitLab Pipeline Trigger Token, potentially compromising continuous integration workflows and project security.',
    source: 'glptt-[0-9a-f]{40}',
    flags: '',
    entropy: 3,
    keywords: ['glptt-'],
    allow: [],
  },
  {
    id: 'gitlab-rrt',
    description: 'Discovered a GitLab Runner Registration Token, posing a risk to CI/CD pipeline integrity and unauthorized access.',
    source: 'GR1348941[\\w-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['gr1348941'],
    allow: [],
  },
  {
    id: 'gitlab-runner-authentication-token',
    description: 'Discovered a GitLab Runner Authentication Token, posing a risk to CI/CD pipeline integrity and unauthorized access.',
    source: 'glrt-[0-9a-zA-Z_\\-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['glrt-'],
    allow: [],
  },
  {
    id: 'gitlab-runner-authentication-token-routable',
    description: 'Discovered a GitLab Runner Authentication Token (Routable), posing a risk to CI/CD pipeline integrity and unauthorized access.',
    source: '\\bglrt-t\\d_[0-9a-zA-Z_\\-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}\\b',
    flags: '',
    entropy: 4,
    keywords: ['glrt-'],
    allow: [],
  },
  {
    id: 'gitlab-scim-token',
    description: 'Discovered a GitLab SCIM Token, posing a risk to unauthorized access for a organization or instance.',
    source: 'glsoat-[0-9a-zA-Z_\\-]{20}',
    flags: '',
    entropy: 3,
    keywords: ['glsoat-'],
    allow: [],
  },
  {
    id: 'gitlab-session-cookie',
    description: 'Discovered a GitLab Session Cookie, posing a risk to unauthorized access to a user account.',
    source: '_gitlab_session=[0-9a-z]{32}',
    flags: '',
    entropy: 3,
    keywords: ['_gitlab_session='],
    allow: [],
  },
  {
    id: 'gitter-access-token',
    description: 'Uncovered a Gitter Access Token, which may lead to unauthorized access to chat and communication services.',
    source:
      '[\\w.-]{0,50}?(?:gitter)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9_-]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['gitter'],
    allow: [],
  },
  {
    id: 'grafana-api-key',
    description: 'Identified a Grafana API key, which could compromise monitoring dashboards and sensitive data analytics.',
    source: '\\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,3})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3,
    keywords: ['eyjrijoi'],
    allow: [],
  },
  {
    id: 'grafana-cloud-api-token',
    description: 'Found a Grafana cloud API token, risking unauthorized access to cloud-based monitoring services and data exposure.',
    source: '\\b(glc_[A-Za-z0-9+/]{32,400}={0,3})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3,
    keywords: ['glc_'],
    allow: [],
  },
  {
    id: 'grafana-service-account-token',
    description: 'Discovered a Grafana service account token, posing a risk of compromised monitoring services and data integrity.',
    source: '\\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3,
    keywords: ['glsa_'],
    allow: [],
  },
  {
    id: 'harness-api-key',
    description: 'Identified a Harness Access Token (PAT or SAT), risking unauthorized access to a Harness account.',
    source: '(?:pat|sat)\\.[a-zA-Z0-9_-]{22}\\.[a-zA-Z0-9]{24}\\.[a-zA-Z0-9]{20}',
    flags: '',
    keywords: ['pat.', 'sat.'],
    allow: [],
  },
  {
    id: 'heroku-api-key',
    description: 'Detected a Heroku API Key, potentially compromising cloud application deployments and operational security.',
    source:
      '[\\w.-]{0,50}?(?:heroku)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['heroku'],
    allow: [],
  },
  {
    id: 'heroku-api-key-v2',
    description: 'Detected a Heroku API Key, potentially compromising cloud application deployments and operational security.',
    source: '\\b((HRKU-AA[0-9a-zA-Z_-]{58}))(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 4,
    keywords: ['hrku-aa'],
    allow: [],
  },
  {
    id: 'hubspot-api-key',
    description: 'Found a HubSpot API Token, posing a risk to CRM data integrity and unauthorized marketing operations.',
    source:
      '[\\w.-]{0,50}?(?:hubspot)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['hubspot'],
    allow: [],
  },
  {
    id: 'infracost-api-token',
    description: 'Detected an Infracost API Token, risking unauthorized access to cloud cost estimation tools and financial data.',
    source: '\\b(ico-[a-zA-Z0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['ico-'],
    allow: [],
  },
  {
    id: 'intercom-api-key',
    description: 'Identified an Intercom API Token, which could compromise customer communication channels and data privacy.',
    source:
      '[\\w.-]{0,50}?(?:intercom)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{60})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['intercom'],
    allow: [],
  },
  {
    id: 'jfrog-api-key',
    description: 'Found a JFrog API Key, posing a risk of unauthorized access to software artifact repositories and build pipelines.',
    source:
      '[\\w.-]{0,50}?(?:jfrog|artifactory|bintray|xray)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{73})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['jfrog', 'artifactory', 'bintray', 'xray'],
    allow: [],
  },
  {
    id: 'jfrog-identity-token',
    description: 'Discovered a JFrog Identity Token, potentially compromising access to JFrog services and sensitive software artifacts.',
    source:
      '[\\w.-]{0,50}?(?:jfrog|artifactory|bintray|xray)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['jfrog', 'artifactory', 'bintray', 'xray'],
    allow: [],
  },
  {
    id: 'jwt',
    description: 'Uncovered a JSON Web Token, which may lead to unauthorized access to web applications and sensitive user data.',
    source: '\\b(ey[a-zA-Z0-9]{17,}\\.ey[a-zA-Z0-9\\/\\\\_-]{17,}\\.(?:[a-zA-Z0-9\\/\\\\_-]{10,}={0,2})?)(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['ey'],
    allow: [],
  },
  {
    id: 'kraken-access-token',
    description: 'Identified a Kraken Access Token, potentially compromising cryptocurrency trading accounts and financial security.',
    source:
      '[\\w.-]{0,50}?(?:kraken)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9\\/=_\\+\\-]{80,90})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['kraken'],
    allow: [],
  },
  {
    id: 'kucoin-access-token',
    description: 'Found a Kucoin Access Token, risking unauthorized access to cryptocurrency exchange services and transactions.',
    source:
      '[\\w.-]{0,50}?(?:kucoin)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{24})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['kucoin'],
    allow: [],
  },
  {
    id: 'kucoin-secret-key',
    description: 'Discovered a Kucoin Secret Key, which could lead to compromised cryptocurrency operations and financial data breaches.',
    source:
      '[\\w.-]{0,50}?(?:kucoin)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['kucoin'],
    allow: [],
  },
  {
    id: 'launchdarkly-access-token',
    description: 'Uncovered a Launchdarkly Access Token, potentially compromising feature flag management and application functionality.',
    source:
      '[\\w.-]{0,50}?(?:launchdarkly)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['launchdarkly'],
    allow: [],
  },
  {
    id: 'linear-client-secret',
    description: 'Identified a Linear Client Secret, which may compromise secure integrations and sensitive project management data.',
    source:
      '[\\w.-]{0,50}?(?:linear)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['linear'],
    allow: [],
  },
  {
    id: 'linkedin-client-id',
    description: 'Found a LinkedIn Client ID, risking unauthorized access to LinkedIn integrations and professional data exposure.',
    source:
      '[\\w.-]{0,50}?(?:linked[_-]?in)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{14})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['linkedin', 'linked_in', 'linked-in'],
    allow: [],
  },
  {
    id: 'linkedin-client-secret',
    description: 'Discovered a LinkedIn Client secret, potentially compromising LinkedIn application integrations and user data.',
    source:
      '[\\w.-]{0,50}?(?:linked[_-]?in)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{16})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['linkedin', 'linked_in', 'linked-in'],
    allow: [],
  },
  {
    id: 'lob-api-key',
    description: 'Uncovered a Lob API Key, which could lead to unauthorized access to mailing and address verification services.',
    source:
      '[\\w.-]{0,50}?(?:lob)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}((live|test)_[a-f0-9]{35})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['test_', 'live_'],
    allow: [],
  },
  {
    id: 'lob-pub-api-key',
    description: 'Detected a Lob Publishable API Key, posing a risk of exposing mail and print service integrations.',
    source:
      '[\\w.-]{0,50}?(?:lob)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}((test|live)_pub_[a-f0-9]{31})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['test_pub', 'live_pub', '_pub'],
    allow: [],
  },
  {
    id: 'looker-client-id',
    description: 'Found a Looker Client ID, risking unauthorized access to a Looker account and exposing sensitive data.',
    source:
      '[\\w.-]{0,50}?(?:looker)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{20})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['looker'],
    allow: [],
  },
  {
    id: 'looker-client-secret',
    description: 'Found a Looker Client Secret, risking unauthorized access to a Looker account and exposing sensitive data.',
    source:
      '[\\w.-]{0,50}?(?:looker)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{24})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['looker'],
    allow: [],
  },
  {
    id: 'mailchimp-api-key',
    description: 'Identified a Mailchimp API key, potentially compromising email marketing campaigns and subscriber data.',
    source:
      '[\\w.-]{0,50}?(?:MailchimpSDK.initialize|mailchimp)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{32}-us\\d\\d)(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['mailchimp'],
    allow: [],
  },
  {
    id: 'mailgun-private-api-token',
    description: 'Found a Mailgun private API token, risking unauthorized email service operations and data breaches.',
    source:
      '[\\w.-]{0,50}?(?:mailgun)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(key-[a-f0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['mailgun'],
    allow: [],
  },
  {
    id: 'mailgun-pub-key',
    description: 'Discovered a Mailgun public validation key, which could expose email verification processes and associated data.',
    source:
      '[\\w.-]{0,50}?(?:mailgun)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(pubkey-[a-f0-9]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['mailgun'],
    allow: [],
  },
  {
    id: 'mailgun-signing-key',
    description: 'Uncovered a Mailgun webhook signing key, potentially compromising email automation and data integrity.',
    source:
      '[\\w.-]{0,50}?(?:mailgun)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['mailgun'],
    allow: [],
  },
  {
    id: 'mapbox-api-token',
    description: 'Detected a MapBox API token, posing a risk to geospatial services and sensitive location data exposure.',
    source:
      '[\\w.-]{0,50}?(?:mapbox)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(pk\\.[a-z0-9]{60}\\.[a-z0-9]{22})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['mapbox'],
    allow: [],
  },
  {
    id: 'mattermost-access-token',
    description: 'Identified a Mattermost Access Token, which may compromise team communication channels and data privacy.',
    source:
      '[\\w.-]{0,50}?(?:mattermost)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{26})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['mattermost'],
    allow: [],
  },
  {
    id: 'maxmind-license-key',
    description: 'Discovered a potential MaxMind license key.',
    source: '\\b([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 4,
    keywords: ['_mmk'],
    allow: [],
  },
  {
    id: 'messagebird-api-token',
    description: 'Found a MessageBird API token, risking unauthorized access to communication platforms and message data.',
    source:
      '[\\w.-]{0,50}?(?:message[_-]?bird)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{25})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['messagebird', 'message-bird', 'message_bird'],
    allow: [],
  },
  {
    id: 'messagebird-client-id',
    description: 'Discovered a MessageBird client ID, potentially compromising API integrations and sensitive communication data.',
    source:
      '[\\w.-]{0,50}?(?:message[_-]?bird)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['messagebird', 'message-bird', 'message_bird'],
    allow: [],
  },
  {
    id: 'microsoft-teams-webhook',
    description: 'Uncovered a Microsoft Teams Webhook, which could lead to unauthorized access to team collaboration tools and data leaks.',
    source:
      'https://[a-z0-9]+\\.webhook\\.office\\.com/webhookb2/[a-z0-9]{8}-([a-z0-9]{4}-){3}[a-z0-9]{12}@[a-z0-9]{8}-([a-z0-9]{4}-){3}[a-z0-9]{12}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9]{8}-([a-z0-9]{4}-){3}[a-z0-9]{12}',
    flags: '',
    keywords: ['webhook.office.com', 'webhookb2', 'incomingwebhook'],
    allow: [],
  },
  {
    id: 'netlify-access-token',
    description: 'Detected a Netlify Access Token, potentially compromising web hosting services and site management.',
    source:
      '[\\w.-]{0,50}?(?:netlify)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{40,46})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['netlify'],
    allow: [],
  },
  {
    id: 'new-relic-browser-api-token',
    description: 'Identified a New Relic ingest browser API token, risking unauthorized access to application performance data and analytics.',
    source:
      '[\\w.-]{0,50}?(?:new-relic|newrelic|new_relic)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(NRJS-[a-f0-9]{19})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['nrjs-'],
    allow: [],
  },
  {
    id: 'new-relic-insert-key',
    description: 'Discovered a New Relic insight insert key, compromising data injection into the platform.',
    source:
      '[\\w.-]{0,50}?(?:new-relic|newrelic|new_relic)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(NRII-[a-z0-9-]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['nrii-'],
    allow: [],
  },
  {
    id: 'new-relic-user-api-id',
    description: 'Found a New Relic user API ID, posing a risk to application monitoring services and data integrity.',
    source:
      '[\\w.-]{0,50}?(?:new-relic|newrelic|new_relic)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['new-relic', 'newrelic', 'new_relic'],
    allow: [],
  },
  {
    id: 'new-relic-user-api-key',
    description: 'Discovered a New Relic user API Key, which could lead to compromised application insights and performance monitoring.',
    source:
      '[\\w.-]{0,50}?(?:new-relic|newrelic|new_relic)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(NRAK-[a-z0-9]{27})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['nrak'],
    allow: [],
  },
  {
    id: 'notion-api-token',
    description: 'Notion API token',
    source: '\\b(ntn_[0-9]{11}[A-Za-z0-9]{32}[A-Za-z0-9]{3})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 4,
    keywords: ['ntn_'],
    allow: [],
  },
  {
    id: 'npm-access-token',
    description: 'Uncovered an npm access token, potentially compromising package management and code repository access.',
    source: '\\b(npm_[a-z0-9]{36})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 2,
    keywords: ['npm_'],
    allow: [],
  },
  {
    id: 'nytimes-access-token',
    description: 'Detected a Nytimes Access Token, risking unauthorized access to New York Times APIs and content services.',
    source:
      '[\\w.-]{0,50}?(?:nytimes|new-york-times,|newyorktimes)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9=_\\-]{32})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['nytimes', 'new-york-times', 'newyorktimes'],
    allow: [],
  },
  {
    id: 'octopus-deploy-api-key',
    description: 'Discovered a potential Octopus Deploy API key, risking application deployments and operational security.',
    source: '\\b(API-[A-Z0-9]{26})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['api-'],
    allow: [],
  },
  {
    id: 'openai-api-key',
    description: 'Found an OpenAI API Key, posing a risk of unauthorized access to AI services and data manipulation.',
    source:
      '\\b(sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})\\b|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['t3blbkfj'],
    allow: [],
  },
  {
    id: 'perplexity-api-key',
    description: 'Detected a Perplexity API key, which could lead to unauthorized access to Perplexity AI services and data exposure.',
    source: '\\b(pplx-[a-zA-Z0-9]{48})(?:[\\x60\'"\\s;]|\\\\[nr]|$|\\b)',
    flags: '',
    entropy: 4,
    keywords: ['pplx-'],
    allow: [],
  },
  {
    id: 'plaid-api-token',
    description: 'Discovered a Plaid API Token, potentially compromising financial data aggregation and banking services.',
    source:
      '[\\w.-]{0,50}?(?:plaid)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['plaid'],
    allow: [],
  },
  {
    id: 'plaid-client-id',
    description: 'Uncovered a Plaid Client ID, which could lead to unauthorized financial service integrations and data breaches.',
    source:
      '[\\w.-]{0,50}?(?:plaid)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{24})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3.5,
    keywords: ['plaid'],
    allow: [],
  },
  {
    id: 'plaid-secret-key',
    description: 'Detected a Plaid Secret key, risking unauthorized access to financial accounts and sensitive transaction data.',
    source:
      '[\\w.-]{0,50}?(?:plaid)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{30})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3.5,
    keywords: ['plaid'],
    allow: [],
  },
  {
    id: 'planetscale-oauth-token',
    description: 'Found a PlanetScale OAuth token, posing a risk to database access control and sensitive data integrity.',
    source: '\\b(pscale_oauth_[\\w=\\.-]{32,64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['pscale_oauth_'],
    allow: [],
  },
  {
    id: 'prefect-api-token',
    description: 'Detected a Prefect API token, risking unauthorized access to workflow management and automation services.',
    source: '\\b(pnu_[a-zA-Z0-9]{36})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['pnu_'],
    allow: [],
  },
  {
    id: 'private-key',
    description: 'Identified a Private Key, which may compromise cryptographic security and sensitive data encryption.',
    source: '-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\\s\\S-]{64,}?KEY(?: BLOCK)?-----',
    flags: 'i',
    keywords: ['-----begin'],
    allow: [],
  },
  {
    id: 'pulumi-api-token',
    description: 'Found a Pulumi API token, posing a risk to infrastructure as code services and cloud resource management.',
    source: '\\b(pul-[a-f0-9]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['pul-'],
    allow: [],
  },
  {
    id: 'pypi-upload-token',
    description: 'Discovered a PyPI upload token, potentially compromising Python package distribution and repository integrity.',
    source: 'pypi-AgEIcHlwaS5vcmc[\\w-]{50,1000}',
    flags: '',
    entropy: 3,
    keywords: ['pypi-ageichlwas5vcmc'],
    allow: [],
  },
  {
    id: 'rapidapi-access-token',
    description: 'Uncovered a RapidAPI Access Token, which could lead to unauthorized access to various APIs and data services.',
    source:
      '[\\w.-]{0,50}?(?:rapidapi)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9_-]{50})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['rapidapi'],
    allow: [],
  },
  {
    id: 'readme-api-token',
    description: 'Detected a Readme API token, risking unauthorized documentation management and content exposure.',
    source: '\\b(rdme_[a-z0-9]{70})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['rdme_'],
    allow: [],
  },
  {
    id: 'rubygems-api-token',
    description: 'Identified a Rubygem API token, potentially compromising Ruby library distribution and package management.',
    source: '\\b(rubygems_[a-f0-9]{48})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['rubygems_'],
    allow: [],
  },
  {
    id: 'scalingo-api-token',
    description: 'Found a Scalingo API token, posing a risk to cloud platform services and application deployment security.',
    source: '\\b(tk-us-[\\w-]{48})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['tk-us-'],
    allow: [],
  },
  {
    id: 'sendbird-access-id',
    description: 'Discovered a Sendbird Access ID, which could compromise chat and messaging platform integrations.',
    source:
      '[\\w.-]{0,50}?(?:sendbird)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['sendbird'],
    allow: [],
  },
  {
    id: 'sendbird-access-token',
    description: 'Uncovered a Sendbird Access Token, potentially risking unauthorized access to communication services and user data.',
    source:
      '[\\w.-]{0,50}?(?:sendbird)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['sendbird'],
    allow: [],
  },
  {
    id: 'sentry-access-token',
    description:
      'Found a Sentry.io Access Token (old format), risking unauthorized access to error tracking services and sensitive application data.',
    source:
      '[\\w.-]{0,50}?(?:sentry)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3,
    keywords: ['sentry'],
    allow: [],
  },
  {
    id: 'sentry-user-token',
    description: 'Found a Sentry.io User Token, risking unauthorized access to error tracking services and sensitive application data.',
    source: '\\b(sntryu_[a-f0-9]{64})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3.5,
    keywords: ['sntryu_'],
    allow: [],
  },
  {
    id: 'settlemint-application-access-token',
    description: 'Found a Settlemint Application Access Token.',
    source: '\\b(sm_aat_[a-zA-Z0-9]{16})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['sm_aat'],
    allow: [],
  },
  {
    id: 'settlemint-personal-access-token',
    description: 'Found a Settlemint Personal Access Token.',
    source: '\\b(sm_pat_[a-zA-Z0-9]{16})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['sm_pat'],
    allow: [],
  },
  {
    id: 'settlemint-service-access-token',
    description: 'Found a Settlemint Service Access Token.',
    source: '\\b(sm_sat_[a-zA-Z0-9]{16})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 3,
    keywords: ['sm_sat'],
    allow: [],
  },
  {
    id: 'shippo-api-token',
    description: 'Discovered a Shippo API token, potentially compromising shipping services and customer order data.',
    source: '\\b(shippo_(?:live|test)_[a-fA-F0-9]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['shippo_'],
    allow: [],
  },
  {
    id: 'shopify-access-token',
    description: 'Uncovered a Shopify access token, which could lead to unauthorized e-commerce platform access and data breaches.',
    source: 'shpat_[a-fA-F0-9]{32}',
    flags: '',
    entropy: 2,
    keywords: ['shpat_'],
    allow: [],
  },
  {
    id: 'shopify-custom-access-token',
    description: 'Detected a Shopify custom access token, potentially compromising custom app integrations and e-commerce data security.',
    source: 'shpca_[a-fA-F0-9]{32}',
    flags: '',
    entropy: 2,
    keywords: ['shpca_'],
    allow: [],
  },
  {
    id: 'shopify-private-app-access-token',
    description: 'Identified a Shopify private app access token, risking unauthorized access to private app data and store operations.',
    source: 'shppa_[a-fA-F0-9]{32}',
    flags: '',
    entropy: 2,
    keywords: ['shppa_'],
    allow: [],
  },
  {
    id: 'shopify-shared-secret',
    description: 'Found a Shopify shared secret, posing a risk to application authentication and e-commerce platform security.',
    source: 'shpss_[a-fA-F0-9]{32}',
    flags: '',
    entropy: 2,
    keywords: ['shpss_'],
    allow: [],
  },
  {
    id: 'sidekiq-secret',
    description: 'Discovered a Sidekiq Secret, which could lead to compromised background job processing and application data breaches.',
    source:
      '[\\w.-]{0,50}?(?:BUNDLE_ENTERPRISE__CONTRIBSYS__COM|BUNDLE_GEMS__CONTRIBSYS__COM)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-f0-9]{8}:[a-f0-9]{8})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'],
    allow: [],
  },
  {
    id: 'sidekiq-sensitive-url',
    description: 'Uncovered a Sidekiq Sensitive URL, potentially exposing internal job queues and sensitive operation details.',
    source: '\\bhttps?://([a-f0-9]{8}:[a-f0-9]{8})@(?:gems.contribsys.com|enterprise.contribsys.com)(?:[\\/|\\#|\\?|:]|$)',
    flags: 'i',
    keywords: ['gems.contribsys.com', 'enterprise.contribsys.com'],
    allow: [],
  },
  {
    id: 'slack-app-token',
    description: 'Detected a Slack App-level token, risking unauthorized access to Slack applications and workspace data.',
    source: 'xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+',
    flags: 'i',
    entropy: 2,
    keywords: ['xapp'],
    allow: [],
  },
  {
    id: 'slack-bot-token',
    description: 'Identified a Slack Bot token, which may compromise bot integrations and communication channel security.',
    source: 'xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*',
    flags: '',
    entropy: 3,
    keywords: ['xoxb'],
    allow: [],
  },
  {
    id: 'slack-config-access-token',
    description: 'Found a Slack Configuration access token, posing a risk to workspace configuration and sensitive data access.',
    source: 'xoxe.xox[bp]-\\d-[A-Z0-9]{163,166}',
    flags: 'i',
    entropy: 2,
    keywords: ['xoxe.xoxb-', 'xoxe.xoxp-'],
    allow: [],
  },
  {
    id: 'slack-config-refresh-token',
    description: 'Discovered a Slack Configuration refresh token, potentially allowing prolonged unauthorized access to configuration settings.',
    source: 'xoxe-\\d-[A-Z0-9]{146}',
    flags: 'i',
    entropy: 2,
    keywords: ['xoxe-'],
    allow: [],
  },
  {
    id: 'slack-legacy-bot-token',
    description: 'Uncovered a Slack Legacy bot token, which could lead to compromised legacy bot operations and data exposure.',
    source: 'xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}',
    flags: '',
    entropy: 2,
    keywords: ['xoxb'],
    allow: [],
  },
  {
    id: 'slack-legacy-token',
    description: 'Detected a Slack Legacy token, risking unauthorized access to older Slack integrations and user data.',
    source: 'xox[os]-\\d+-\\d+-\\d+-[a-fA-F\\d]+',
    flags: '',
    entropy: 2,
    keywords: ['xoxo', 'xoxs'],
    allow: [],
  },
  {
    id: 'slack-legacy-workspace-token',
    description: 'Identified a Slack Legacy Workspace token, potentially compromising access to workspace data and legacy features.',
    source: 'xox[ar]-(?:\\d-)?[0-9a-zA-Z]{8,48}',
    flags: '',
    entropy: 2,
    keywords: ['xoxa', 'xoxr'],
    allow: [],
  },
  {
    id: 'slack-user-token',
    description: 'Found a Slack User token, posing a risk of unauthorized user impersonation and data access within Slack workspaces.',
    source: 'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}',
    flags: '',
    entropy: 2,
    keywords: ['xoxp-', 'xoxe-'],
    allow: [],
  },
  {
    id: 'slack-webhook-url',
    description: 'Discovered a Slack Webhook, which could lead to unauthorized message posting and data leakage in Slack channels.',
    source: '(?:https?://)?hooks.slack.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}',
    flags: '',
    keywords: ['hooks.slack.com'],
    allow: [],
  },
  {
    id: 'snyk-api-token',
    description: 'Uncovered a Snyk API token, potentially compromising software vulnerability scanning and code security.',
    source:
      '[\\w.-]{0,50}?(?:snyk[_.-]?(?:(?:api|oauth)[_.-]?)?(?:key|token))(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['snyk'],
    allow: [],
  },
  {
    id: 'sonar-api-token',
    description: 'Uncovered a Sonar API token, potentially compromising software vulnerability scanning and code security.',
    source:
      '[\\w.-]{0,50}?(?:sonar[_.-]?(login|token))(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}((?:squ_|sqp_|sqa_)?[a-z0-9=_\\-]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    secretGroup: 2,
    keywords: ['sonar'],
    allow: [],
  },
  {
    id: 'sourcegraph-access-token',
    description: 'Sourcegraph is a code search and navigation engine.',
    source: '\\b(\\b(sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}|[a-fA-F0-9]{40})\\b)(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    entropy: 3,
    keywords: ['sgp_', 'sourcegraph'],
    allow: [],
  },
  {
    id: 'square-access-token',
    description: 'Detected a Square Access Token, risking unauthorized payment processing and financial transaction exposure.',
    source: '\\b((?:EAAA|sq0atp-)[\\w-]{22,60})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['sq0atp-', 'eaaa'],
    allow: [],
  },
  {
    id: 'squarespace-access-token',
    description: 'Identified a Squarespace Access Token, which may compromise website management and content control on Squarespace.',
    source:
      '[\\w.-]{0,50}?(?:squarespace)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['squarespace'],
    allow: [],
  },
  {
    id: 'stripe-access-token',
    description: 'Found a Stripe Access Token, posing a risk to payment processing services and sensitive financial data.',
    source: '\\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 2,
    keywords: ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'],
    allow: [],
  },
  {
    id: 'travisci-access-token',
    description: 'Identified a Travis CI Access Token, potentially compromising continuous integration services and codebase security.',
    source:
      '[\\w.-]{0,50}?(?:travis)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{22})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['travis'],
    allow: [],
  },
  {
    id: 'twilio-api-key',
    description: 'Found a Twilio API Key, posing a risk to communication services and sensitive customer interaction data.',
    source: 'SK[0-9a-fA-F]{32}',
    flags: '',
    entropy: 3,
    keywords: ['sk'],
    allow: [],
  },
  {
    id: 'twitch-api-token',
    description: 'Discovered a Twitch API token, which could compromise streaming services and account integrations.',
    source:
      '[\\w.-]{0,50}?(?:twitch)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{30})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['twitch'],
    allow: [],
  },
  {
    id: 'twitter-access-secret',
    description: 'Uncovered a Twitter Access Secret, potentially risking unauthorized Twitter integrations and data breaches.',
    source:
      '[\\w.-]{0,50}?(?:twitter)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{45})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['twitter'],
    allow: [],
  },
  {
    id: 'twitter-access-token',
    description: 'Detected a Twitter Access Token, posing a risk of unauthorized account operations and social media data exposure.',
    source:
      '[\\w.-]{0,50}?(?:twitter)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([0-9]{15,25}-[a-zA-Z0-9]{20,40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['twitter'],
    allow: [],
  },
  {
    id: 'twitter-api-key',
    description: 'Identified a Twitter API Key, which may compromise Twitter application integrations and user data security.',
    source:
      '[\\w.-]{0,50}?(?:twitter)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{25})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['twitter'],
    allow: [],
  },
  {
    id: 'twitter-api-secret',
    description: 'Found a Twitter API Secret, risking the security of Twitter app integrations and sensitive data access.',
    source:
      '[\\w.-]{0,50}?(?:twitter)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{50})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['twitter'],
    allow: [],
  },
  {
    id: 'twitter-bearer-token',
    description: 'Discovered a Twitter Bearer Token, potentially compromising API access and data retrieval from Twitter.',
    source:
      '[\\w.-]{0,50}?(?:twitter)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(A{22}[a-zA-Z0-9%]{80,100})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['twitter'],
    allow: [],
  },
  {
    id: 'typeform-api-token',
    description: 'Uncovered a Typeform API token, which could lead to unauthorized survey management and data collection.',
    source:
      '[\\w.-]{0,50}?(?:typeform)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(tfp_[a-z0-9\\-_\\.=]{59})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['tfp_'],
    allow: [],
  },
  {
    id: 'vault-batch-token',
    description: 'Detected a Vault Batch Token, risking unauthorized access to secret management services and sensitive data.',
    source: '\\b(hvb\\.[\\w-]{138,300})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: '',
    entropy: 4,
    keywords: ['hvb.'],
    allow: [],
  },
  {
    id: 'yandex-access-token',
    description: 'Found a Yandex Access Token, posing a risk to Yandex service integrations and user data privacy.',
    source:
      '[\\w.-]{0,50}?(?:yandex)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(t1\\.[A-Z0-9a-z_-]+[=]{0,2}\\.[A-Z0-9a-z_-]{86}[=]{0,2})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['yandex'],
    allow: [],
  },
  {
    id: 'yandex-api-key',
    description: 'Discovered a Yandex API Key, which could lead to unauthorized access to Yandex services and data manipulation.',
    source:
      '[\\w.-]{0,50}?(?:yandex)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(AQVN[A-Za-z0-9_\\-]{35,38})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['yandex'],
    allow: [],
  },
  {
    id: 'yandex-aws-access-token',
    description: 'Uncovered a Yandex AWS Access Token, potentially compromising cloud resource access and data security on Yandex Cloud.',
    source:
      '[\\w.-]{0,50}?(?:yandex)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}(YC[a-zA-Z0-9_\\-]{38})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['yandex'],
    allow: [],
  },
  {
    id: 'zendesk-secret-key',
    description: 'Detected a Zendesk Secret Key, risking unauthorized access to customer support services and sensitive ticketing data.',
    source:
      '[\\w.-]{0,50}?(?:zendesk)(?:[ \\t\\w.-]{0,20})[\\s\'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60\'"\\s=]{0,5}([a-z0-9]{40})(?:[\\x60\'"\\s;]|\\\\[nr]|$)',
    flags: 'i',
    keywords: ['zendesk'],
    allow: [],
  },
];
