import { createContext, useContext } from 'react';

/**
 * Whether scans reach the screens below: not while the lock screen lies over them (its badge scan
 * is not for the move underneath), and the scan fields there do not take the focus either.
 */
export const ScanScope = createContext(true);

export const useScanScope = (): boolean => useContext(ScanScope);
