import bcrypt from "bcryptjs";

// bcrypt with cost 12: ~250 ms per check on this class of machine, which is
// what slows password guessing; bcryptjs is pure JS, so nothing to compile.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
