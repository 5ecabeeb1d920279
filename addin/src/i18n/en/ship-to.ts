/** A customer's ship-to addresses (features/ship-to). */
export const shipTo = {
  heading: "Ship-to addresses",
  none: "No ship-to addresses; goods go to the main address.",
  add: "Add ship-to address",
  edit: "Edit ship-to address",
  new: "New ship-to address",
  save: "Save address",
  name: "Name (e.g. Warehouse Hamburg)",
  street: "Street",
  postalCode: "Postal code",
  city: "City",
  region: "Region",
  country: "Country",
};
