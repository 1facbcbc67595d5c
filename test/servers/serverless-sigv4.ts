/**
 * SigV4 as a server checks it, for the local MWAA Serverless server: the Authorization header is present and
 * well-formed, its scope names this service, region and the day of X-Amz-Date, the headers every awsJson request
 * must sign are signed, and the signature is right for the request as received (recomputed with the signing
 * library the client uses, from the secret of the one access key the server knows).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SigV4Failure {
  readonly code: 'MissingAuthenticationTokenException' | 'IncompleteSignatureException' | 'UnrecognizedClientException' | 'InvalidSignatureException';
  readonly message: string;
}

export interface SigV4Check {
  readonly region: string;
  readonly service: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const REQUIRED_SIGNED = ['content-type', 'host', 'x-amz-date', 'x-amz-target'];

class Sha256 extends Hash {
  constructor(secret?: ConstructorParameters<typeof Hash>[1]) {
    super('sha256', secret);
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** null when the request is signed right; the error AWS would answer otherwise. */
export async function checkSigV4(
  req: { method: string; path: string; headers: IncomingHttpHeaders; body: string },
  expect: SigV4Check,
): Promise<SigV4Failure | null> {
  const auth = header(req.headers, 'authorization');
  if (!auth) return { code: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const m = AUTH.exec(auth);
  if (!m) return { code: 'IncompleteSignatureException', message: `Authorization header is not a SigV4 header: ${auth.slice(0, 40)}...` };
  const [, keyId, day, region, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string, string];
  const amzDate = header(req.headers, 'x-amz-date');
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) return { code: 'IncompleteSignatureException', message: 'X-Amz-Date is missing or malformed' };
  if (!amzDate.startsWith(day))
    return { code: 'IncompleteSignatureException', message: `credential scope day ${day} is not the day of X-Amz-Date ${amzDate}` };
  if (service !== expect.service)
    return { code: 'InvalidSignatureException', message: `credential scope names service ${service}, not ${expect.service}` };
  if (region !== expect.region)
    return { code: 'InvalidSignatureException', message: `credential scope names region ${region}, not ${expect.region}` };
  const signed = signedHeaders.split(';');
  const missing = REQUIRED_SIGNED.filter((h) => !signed.includes(h));
  if (missing.length > 0) return { code: 'IncompleteSignatureException', message: `headers not signed: ${missing.join(', ')}` };
  if (keyId !== expect.accessKeyId) return { code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };

  const headers: Record<string, string> = {};
  for (const name of signed) {
    const v = header(req.headers, name);
    if (v === undefined) return { code: 'IncompleteSignatureException', message: `signed header ${name} is not in the request` };
    headers[name] = v;
  }
  const url = new URL(req.path, 'http://placeholder');
  const signer = new SignatureV4({
    service: expect.service,
    region: expect.region,
    credentials: { accessKeyId: expect.accessKeyId, secretAccessKey: expect.secretAccessKey },
    sha256: Sha256,
  });
  const date = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const resigned = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: req.body,
    },
    { signingDate: date },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization ?? resigned.headers.Authorization))?.[1];
  if (expected !== signature) {
    return { code: 'InvalidSignatureException', message: 'The request signature we calculated does not match the signature you provided.' };
  }
  return null;
}
