/** Why a governance rule refused a change. */
export type GovernanceErrorCode = 'quorumNotMet' | 'assessmentMissing' | 'notGovernanceMember' | 'alreadyPromoted';

/** A change the site's governance does not allow: `field` names what is missing or wrong. */
export class GovernanceError extends Error {
  readonly code: GovernanceErrorCode;
  readonly field: string;

  constructor(code: GovernanceErrorCode, field: string, message: string) {
    super(message);
    this.name = 'GovernanceError';
    this.code = code;
    this.field = field;
  }
}
