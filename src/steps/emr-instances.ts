import type { JsonSchema } from '../base/json-schema';
import { dict, list, lit, type PyExpr } from '../base/python-expr';
import type { StepCheckContext } from './types';

/** EMR node roles, as dagsmith writes them; EMR's API spells them MASTER, CORE, TASK. */
export const NODE_ROLES = ['master', 'core', 'task'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

const ROLE_SCHEMA = (what: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  description: `${what}: an instance group ({ type, count }) or an instance fleet ({ types, capacity }).`,
  properties: {
    type: { type: 'string', minLength: 1, description: "Instance type of an instance group, e.g. 'm5.xlarge'." },
    count: { type: 'integer', minimum: 1, maximum: 10000, description: 'Number of instances of the group (default 1).' },
    types: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      maxItems: 30,
      uniqueItems: true,
      description: "Instance types of an instance fleet; EMR picks among them, e.g. ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge'].",
    },
    capacity: {
      type: 'integer',
      minimum: 1,
      maximum: 10000,
      description: 'Target capacity of the fleet in instances (default 1), on Spot when the role is listed in spot.',
    },
    ebsSizeGb: { type: 'integer', minimum: 1, maximum: 16384, description: 'An extra gp3 EBS volume of this size on each instance.' },
  },
});

export const INSTANCES_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'The nodes: master (the primary node), core and task, each an instance group { type, count } or an instance fleet { types, capacity } (one form for the whole cluster).',
  required: ['master'],
  properties: {
    master: ROLE_SCHEMA('The primary node (EMR: MASTER)'),
    core: ROLE_SCHEMA('Core nodes (HDFS and tasks)'),
    task: ROLE_SCHEMA('Task nodes (tasks only; safe on Spot)'),
    subnets: {
      type: 'array',
      items: { type: 'string', pattern: '^subnet-[0-9a-f]{8,17}$' },
      minItems: 1,
      uniqueItems: true,
      description: 'VPC subnet ids: one for instance groups, one or more for instance fleets (EMR picks one).',
    },
    keyName: { type: 'string', minLength: 1, description: 'EC2 key pair for SSH to the nodes.' },
    terminationProtected: { type: 'boolean', default: false, description: 'Protect the cluster from termination (by API calls and errors).' },
  },
};

export interface RoleSpec {
  type?: string;
  count?: number;
  types?: string[];
  capacity?: number;
  ebsSizeGb?: number;
}
export interface InstancesSpec {
  master: RoleSpec;
  core?: RoleSpec;
  task?: RoleSpec;
  subnets?: string[];
  keyName?: string;
  terminationProtected?: boolean;
}

export interface RoleIR {
  readonly role: NodeRole;
  /** One type for an instance group, several for a fleet. */
  readonly types: readonly string[];
  readonly count: number;
  readonly spot: boolean;
  readonly ebsSizeGb: number | null;
}
export interface InstancesIR {
  readonly form: 'groups' | 'fleets';
  readonly roles: readonly RoleIR[];
  readonly subnets: readonly string[];
  readonly keyName: string | null;
  readonly terminationProtected: boolean;
}

function rolesOf(inst: InstancesSpec): [NodeRole, RoleSpec][] {
  return NODE_ROLES.flatMap((r) => {
    const spec = r === 'master' ? inst.master : r === 'core' ? inst.core : inst.task;
    return spec ? [[r, spec] as [NodeRole, RoleSpec]] : [];
  });
}

const isFleet = (r: RoleSpec): boolean => r.types !== undefined || r.capacity !== undefined;

/** Checks one form per cluster, the fields of that form, Spot roles and subnets. */
export function checkInstances(inst: InstancesSpec, spot: readonly string[] | undefined, ctx: StepCheckContext): void {
  const roles = rolesOf(inst);
  const fleets = isFleet(inst.master);
  for (const [role, r] of roles) {
    const path = ['instances', role];
    if (r.type !== undefined && r.types !== undefined) {
      ctx.report('DS315', [...path, 'types'], "'type' (instance group) and 'types' (instance fleet) exclude each other; set only one of them");
      continue;
    }
    if (r.type === undefined && r.types === undefined) {
      ctx.report('DS315', path, "set exactly one of 'type' (instance group) or 'types' (instance fleet)");
      continue;
    }
    if (isFleet(r) !== fleets) {
      ctx.report(
        'DS378',
        path,
        `a cluster has instance groups or instance fleets, not both: master is ${fleets ? 'a fleet' : 'a group'}, ${role} is not`,
      );
    }
    if (r.type !== undefined && r.capacity !== undefined)
      ctx.report('DS378', [...path, 'capacity'], "'capacity' belongs to instance fleets ('types'); a group has 'count'");
    if (r.types !== undefined && r.count !== undefined)
      ctx.report('DS378', [...path, 'count'], "'count' belongs to instance groups ('type'); a fleet has 'capacity'");
    const n = r.count ?? r.capacity ?? 1;
    if (role === 'master' && n !== 1 && n !== 3) {
      ctx.report('DS378', [...path, r.count !== undefined ? 'count' : 'capacity'], 'an EMR cluster has 1 primary node, or 3 for high availability');
    }
  }
  if (!fleets && (inst.subnets?.length ?? 0) > 1) {
    ctx.report('DS378', ['instances', 'subnets', 1], 'instance groups launch in one subnet; several subnets need instance fleets');
  }
  spot?.forEach((role, i) => {
    if (role === 'master') {
      ctx.report(
        'DS371',
        ['spot', i],
        'the primary node must not run on Spot: when it is reclaimed the whole cluster is lost; use Spot for core or task nodes',
        {
          hint: 'Spot suits task nodes best (no HDFS); core nodes on Spot can lose HDFS blocks',
        },
      );
    } else if (!roles.some(([r]) => r === role)) {
      ctx.report('DS378', ['spot', i], `the cluster has no ${role} nodes (add instances.${role})`);
    }
  });
}

export function normalizeInstances(inst: InstancesSpec, spot: readonly string[]): InstancesIR {
  return {
    form: isFleet(inst.master) ? 'fleets' : 'groups',
    roles: rolesOf(inst).map(([role, r]) => ({
      role,
      types: r.types ?? [r.type!],
      count: r.count ?? r.capacity ?? 1,
      spot: spot.includes(role),
      ebsSizeGb: r.ebsSizeGb ?? null,
    })),
    subnets: inst.subnets ?? [],
    keyName: inst.keyName ?? null,
    terminationProtected: inst.terminationProtected ?? false,
  };
}

/** RunJobFlow's Instances (without KeepJobFlowAliveWhenNoSteps, which the cluster kind adds). */
export function instancesEntries(inst: InstancesIR): [string, PyExpr][] {
  const out: [string, PyExpr][] = [];
  const ebs = (r: RoleIR): [string, PyExpr][] =>
    r.ebsSizeGb === null
      ? []
      : [
          [
            'EbsConfiguration',
            dict([
              [
                'EbsBlockDeviceConfigs',
                list([
                  dict([
                    [
                      'VolumeSpecification',
                      dict([
                        ['VolumeType', lit('gp3')],
                        ['SizeInGB', lit(r.ebsSizeGb)],
                      ]),
                    ],
                    ['VolumesPerInstance', lit(1)],
                  ]),
                ]),
              ],
            ]),
          ],
        ];
  if (inst.form === 'groups') {
    out.push([
      'InstanceGroups',
      list(
        inst.roles.map((r) =>
          dict([
            ['Name', lit(r.role)],
            ['InstanceRole', lit(r.role.toUpperCase())],
            ['Market', lit(r.spot ? 'SPOT' : 'ON_DEMAND')],
            ['InstanceType', lit(r.types[0])],
            ['InstanceCount', lit(r.count)],
            ...ebs(r),
          ]),
        ),
      ),
    ]);
    if (inst.subnets.length > 0) out.push(['Ec2SubnetId', lit(inst.subnets[0])]);
  } else {
    out.push([
      'InstanceFleets',
      list(
        inst.roles.map((r) =>
          dict([
            ['Name', lit(r.role)],
            ['InstanceFleetType', lit(r.role.toUpperCase())],
            [r.spot ? 'TargetSpotCapacity' : 'TargetOnDemandCapacity', lit(r.count)],
            ['InstanceTypeConfigs', list(r.types.map((t) => dict([['InstanceType', lit(t)], ...ebs(r)])))],
          ]),
        ),
      ),
    ]);
    if (inst.subnets.length > 0) out.push(['Ec2SubnetIds', lit(inst.subnets)]);
  }
  if (inst.keyName !== null) out.push(['Ec2KeyName', lit(inst.keyName)]);
  out.push(['TerminationProtected', lit(inst.terminationProtected)]);
  return out;
}
