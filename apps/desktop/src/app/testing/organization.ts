/** The organization the component tests log in to. */
export const ORGANIZATION_ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const CLIENT_ID = `organization.${ORGANIZATION_ID}`;
