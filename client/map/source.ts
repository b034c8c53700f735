// The id of the boundary archive's source in the map style (its layers: provinces, districts, communes, labels).
export const BOUNDARY_SOURCE = 'boundaries';
