/** Whether `value` is a human key such as `INI-7`. */
export function isEntityKey(value: string): boolean {
  return /^(OBJ|KR|INI|KPI|SVC|DEC|IDEA)-[1-9]\d*$/.test(value);
}
